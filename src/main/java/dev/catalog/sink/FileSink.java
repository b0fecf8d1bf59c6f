package dev.catalog.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.CatalogException;
import dev.catalog.config.CredentialsTarget;
import dev.catalog.config.CredentialsTarget.FileFormat;
import dev.catalog.config.CredentialsTarget.FileTarget;
import dev.catalog.state.Address;
import dev.catalog.state.SinkDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Credentials in a local file, as JSON or {@code .env} lines. The file is written whole to a
 * temporary file beside it, created readable by the owner only, given the configured mode, and
 * renamed over the target: a reader never sees half a file, and no one else sees the content while
 * it is written.
 */
public final class FileSink implements CredentialSink {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final FileTarget target;

  public FileSink(FileTarget target) {
    this.target = target;
  }

  /**
   * The absolute path: a file sink is on the machine that runs catalog, and a later run (from
   * another directory, or after the binding left the configuration) must find the same file.
   */
  @Override
  public SinkDescription description() {
    return new SinkDescription.File(target.path().toAbsolutePath().normalize().toString());
  }

  @Override
  public CredentialsTarget configuration() {
    return target;
  }

  /** After the transforms; JSON keeps the values as they are, {@code .env} lines make strings. */
  @Override
  public Credentials shape(Address binding, Credentials credentials) {
    var shaped = Shaping.apply(binding, credentials, target.transforms());
    if (target.format() == FileFormat.ENV) {
      return Credentials.of(EnvFormat.read(EnvFormat.write(binding, shaped)));
    }
    return Credentials.of(shaped);
  }

  @Override
  public void writeStored(Address binding, Credentials stored) {
    byte[] content = format(binding, stored.reveal()).getBytes(StandardCharsets.UTF_8);
    Path file = target.path().toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp =
          Files.createTempFile(
              file.getParent(),
              "." + file.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(temp, content);
      // Set after writing, explicitly: a mode given at creation is narrowed by the umask.
      Files.setPosixFilePermissions(temp, target.permissions());
      move(temp, file);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new CatalogException(
          binding + ": cannot write credentials file " + target.written() + ": " + reason(e), e);
    }
  }

  @Override
  public Optional<Credentials> read(Address binding) {
    String content;
    try {
      content = Files.readString(target.path(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CatalogException(
          binding + ": cannot read credentials file " + target.written() + ": " + reason(e), e);
    }
    return Optional.of(Credentials.of(parse(binding, content)));
  }

  @Override
  public SinkContent inspect(Address binding) {
    try {
      return read(binding)
          .<SinkContent>map(SinkContent.Present::new)
          .orElseGet(SinkContent.Missing::new);
    } catch (CatalogException e) {
      if (Files.isRegularFile(target.path())) {
        return new SinkContent.Unreadable(
            "it no longer holds "
                + target.format().name().toLowerCase(java.util.Locale.ROOT)
                + " credentials");
      }
      throw e;
    }
  }

  @Override
  public void delete(Address binding) {
    try {
      Files.deleteIfExists(target.path());
    } catch (IOException e) {
      throw new CatalogException(
          binding + ": cannot delete credentials file " + target.written() + ": " + reason(e), e);
    }
  }

  private String format(Address binding, ObjectNode credentials) {
    if (target.format() == FileFormat.ENV) {
      return EnvFormat.write(binding, credentials);
    }
    try {
      return JSON.writeValueAsString(credentials) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  private ObjectNode parse(Address binding, String content) {
    if (target.format() == FileFormat.ENV) {
      return EnvFormat.read(content);
    }
    try {
      JsonNode node = JSON.readTree(content);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // Reported below without the parser's message, which may quote the content.
    }
    throw new CatalogException(
        binding + ": credentials file " + target.written() + " does not hold a JSON object");
  }

  private static void move(Path temp, Path file) throws IOException {
    // Same directory, so the rename is atomic on every POSIX file system; no copying fallback.
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The write already failed; that failure is the one reported.
      }
    }
  }

  private static String reason(IOException e) {
    // Only createDirectories throws this here: a parent path is a file.
    if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + " (" + fs.getFile() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

package dev.catalog.testgit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's sshd in the foreground on 127.0.0.1 with its own host key of one type and an {@code
 * authorized_keys} file, all in a test directory. Git runs over it as over any SSH Git host: the
 * client's {@code git-upload-pack} / {@code git-receive-pack} commands run as the test's user.
 */
public final class SshGitServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final SshKeyType hostKeyType;
  private Process sshd;

  private SshGitServer(Path dir, SshKeyType hostKeyType) {
    this.dir = dir;
    this.hostKeyType = hostKeyType;
    this.port = Processes.freePort();
  }

  /** Starts sshd with a new host key of {@code hostKeyType}, accepting {@code clientPublicKey}. */
  public static SshGitServer start(
      Path dir, SshKeyType hostKeyType, Path clientPublicKey, Map<String, String> env) {
    GitServerBinaries.requireSsh(env);
    var server = new SshGitServer(dir, hostKeyType);
    try {
      server.startProcess(clientPublicKey);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Makes a key pair with {@code ssh-keygen -t TYPE}, no passphrase; returns the private key. */
  public static Path keygen(Path file, SshKeyType type) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Processes.run(
        file.getParent(),
        List.of(
            GitServerBinaries.SSH_KEYGEN.toString(),
            "-q",
            "-t",
            type.keygenName(),
            "-N",
            "",
            "-C",
            "catalog-test",
            "-f",
            file.toString()));
    return file;
  }

  private void startProcess(Path clientPublicKey) throws IOException {
    Files.createDirectories(dir);
    var hostKey = keygen(dir.resolve("host_" + hostKeyType.keygenName()), hostKeyType);
    Files.copy(clientPublicKey, dir.resolve("authorized_keys"));
    if (Processes.isRoot()) {
      // sshd's privilege separation directory; Debian creates it only when the service starts.
      Files.createDirectories(Path.of("/run/sshd"));
    }
    Files.writeString(
        dir.resolve("sshd_config"),
        """
        Port PORT
        ListenAddress 127.0.0.1
        HostKey HOSTKEY
        AuthorizedKeysFile DIR/authorized_keys
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        PermitRootLogin prohibit-password
        PidFile DIR/sshd.pid
        LogLevel VERBOSE
        """
            .replace("PORT", Integer.toString(port))
            .replace("HOSTKEY", hostKey.toString())
            .replace("DIR", dir.toString()));
    sshd =
        Processes.start(
            dir,
            dir.resolve("sshd.log"),
            List.of(
                GitServerBinaries.SSHD.toString(),
                "-D",
                "-e",
                "-f",
                dir.resolve("sshd_config").toString()));
    Processes.awaitPort(sshd, port, dir.resolve("sshd.log"));
  }

  /** The {@code known_hosts} line for this server's host key. */
  public String knownHostsLine() {
    try {
      var pub = Files.readString(dir.resolve("host_" + hostKeyType.keygenName() + ".pub")).trim();
      var typeAndKey = pub.substring(0, pub.lastIndexOf(' '));
      return "[127.0.0.1]:" + port + " " + typeAndKey + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty bare repository under the server's directory; returns its ssh:// URL. */
  public String createRepository(String name) {
    var repo = repository(name);
    Processes.run(
        dir, List.of("git", "init", "--quiet", "--bare", "--initial-branch=main", repo.toString()));
    return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repo;
  }

  public Path repository(String name) {
    return dir.resolve("repos").resolve(name);
  }

  /** sshd's log, for failure messages. */
  public String log() {
    return Processes.read(dir.resolve("sshd.log"));
  }

  @Override
  public void close() {
    Processes.stop(sshd);
  }
}

package dev.catalog.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the desired state from the files and directories given with {@code -f}: a directory
 * contributes its {@code *.yaml} and {@code *.yml} files in name order, all files are merged,
 * {@code ${ENV}} is expanded, and every problem in every file is collected before failing. Secret
 * references are not resolved here (see {@link SecretResolver}).
 */
public final class ConfigLoader {
  private final Map<String, String> env;

  /** A loader that expands {@code ${NAME}} from {@code env}. */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The merged configuration.
   *
   * @param paths files or directories, as the user gave them (messages show them so)
   * @throws ConfigException with every problem found, in file and line order
   */
  public CatalogConfig load(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no configuration files given");
    }
    var diagnostics = new Diagnostics();
    var files = expand(paths, diagnostics);
    var expander = new EnvExpander(env);
    var contents = new ArrayList<FileContents>();
    for (var file : files) {
      var name = file.toString();
      read(file, diagnostics)
          .ifPresent(
              text -> {
                var keys = new LocationKeys();
                var context = new ReadContext(name, file.getParent(), diagnostics, keys);
                // Instances and bindings are bound as they are read, so the tree of a large file
                // is never held whole (issue 7). As when the tree was bound after reading, they
                // and their problems count only if the whole file is valid YAML.
                var itemProblems = new Diagnostics();
                var streamed = new FileContents(name);
                var items =
                    DocumentReader.streamingInto(
                        streamed, new ReadContext(name, file.getParent(), itemProblems, keys));
                var root = new YamlTreeReader(expander, diagnostics, items).read(name, text);
                var out = root.isPresent() ? streamed : new FileContents(name);
                root.ifPresent(
                    r -> {
                      diagnostics.addAll(itemProblems);
                      DocumentReader.read(r, out, context);
                    });
                contents.add(out);
              });
    }
    ReferenceChecker.check(contents, diagnostics);
    SinkChecker.check(contents, diagnostics);
    KubeconfigContexts.check(contents, env, diagnostics);
    if (!diagnostics.isEmpty()) {
      var order = new ArrayList<String>();
      paths.forEach(p -> order.add(p.toString()));
      files.forEach(f -> order.add(f.toString()));
      throw new ConfigException(diagnostics.sorted(order));
    }
    return merge(contents, files.get(0).toString());
  }

  private static CatalogConfig merge(List<FileContents> contents, String firstFile) {
    var backend =
        contents.stream()
            .flatMap(c -> c.backend.stream())
            .findFirst()
            .orElse(Backend.local(new Location(firstFile, 1, 1)));
    return new CatalogConfig(
        CatalogConfig.API_VERSION,
        backend,
        contents.stream().flatMap(c -> c.brokers.stream()).toList(),
        contents.stream().flatMap(c -> c.instances.stream()).toList(),
        contents.stream().flatMap(c -> c.bindings.stream()).toList(),
        contents.stream().flatMap(c -> c.policies.stream()).toList());
  }

  /** Files to read: directories replaced by their YAML files; each file once. */
  private static List<Path> expand(List<Path> paths, Diagnostics diagnostics) {
    var files = new ArrayList<Path>();
    var seen = new HashSet<Path>();
    for (var path : paths) {
      var found = List.of(path);
      if (Files.isDirectory(path)) {
        found = yamlFilesIn(path, diagnostics);
        if (found.isEmpty()) {
          diagnostics.error(
              Location.ofFile(path.toString()),
              "",
              "no *.yaml or *.yml files in this directory",
              "");
        }
      }
      for (var file : found) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          files.add(file);
        }
      }
    }
    return files;
  }

  private static List<Path> yamlFilesIn(Path directory, Diagnostics diagnostics) {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.error(Location.ofFile(directory.toString()), "", "cannot list directory", "");
      return List.of();
    }
  }

  private static Optional<String> read(Path file, Diagnostics diagnostics) {
    String problem;
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      problem = "file not found";
    } catch (AccessDeniedException e) {
      problem = "cannot read file: permission denied";
    } catch (MalformedInputException e) {
      problem = "cannot read file: it is not UTF-8 text";
    } catch (IOException e) {
      problem = "cannot read file: " + e.getClass().getSimpleName();
    }
    diagnostics.error(Location.ofFile(file.toString()), "", problem);
    return Optional.empty();
  }
}

package dev.catalog.state.backend.git;

import dev.catalog.CatalogException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The remote and the local bare cache repository it is fetched into. Only the refs asked for are
 * fetched (the state branch, the lock ref), never the whole repository.
 */
final class GitRemote implements AutoCloseable {
  private final GitSettings settings;
  private final Repository cache;
  private final URIish uri;
  private final SshdSessionFactory ssh;
  private final GitHttps https;
  private final GitErrors errors;

  GitRemote(GitSettings settings) {
    this.settings = settings;
    try {
      this.uri = new URIish(settings.url());
      this.cache = openCache(settings.cacheDir().toFile());
      this.errors = new GitErrors(settings);
    } catch (java.net.URISyntaxException e) {
      throw new CatalogException(
          "invalid git backend url " + settings.displayUrl() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new CatalogException(
          "cannot open the git backend cache " + settings.cacheDir() + ": " + e.getMessage(), e);
    }
    this.https = settings.ca().map(GitHttps::trusting).orElse(null);
    this.ssh = ssh(settings);
  }

  /**
   * SSH as OpenSSH does it from {@code $HOME/.ssh}: known_hosts, config and the default keys
   * (id_ed25519, id_ecdsa, id_rsa), or only the configured key. JGit's default factory would use
   * the account's home directory instead of {@code $HOME} (issue 19).
   */
  private static SshdSessionFactory ssh(GitSettings settings) {
    var home = settings.home().toFile();
    var builder =
        new SshdSessionFactoryBuilder()
            .setHomeDirectory(home)
            .setSshDirectory(new File(home, ".ssh"));
    settings.sshKeyFile().ifPresent(key -> builder.setDefaultIdentities(dir -> List.of(key)));
    return builder.build(null);
  }

  private static Repository openCache(File dir) throws IOException {
    var repo = new FileRepositoryBuilder().setGitDir(dir).setBare().build();
    if (!repo.getObjectDatabase().exists()) {
      Files.createDirectories(dir.toPath().getParent());
      try {
        repo.create(true);
      } catch (IllegalStateException createdByAnotherProcess) {
        // Two catalog processes sharing a cache: the other one created it first.
      }
    }
    return repo;
  }

  Repository cache() {
    return cache;
  }

  /** Fetches {@code remoteRef}'s objects; returns its id at the remote, or null when absent. */
  ObjectId fetch(String remoteRef) {
    var deadline = ExchangeDeadline.after(settings.limits().request());
    try {
      return bounded(deadline, () -> fetch(remoteRef, deadline));
    } catch (IOException e) {
      throw new CatalogException(
          "cannot fetch "
              + remoteRef
              + " from "
              + settings.displayUrl()
              + ": "
              + errors.explain(e, deadline),
          e);
    }
  }

  private ObjectId fetch(String remoteRef, ExchangeDeadline deadline) throws IOException {
    try (var transport = open(deadline);
        var connection = transport.openFetch()) {
      var ref = connection.getRef(remoteRef);
      if (ref == null || ref.getObjectId() == null) {
        return null;
      }
      var id = ref.getObjectId();
      if (!cache.getObjectDatabase().has(id)) {
        connection.fetch(NullProgressMonitor.INSTANCE, List.of(ref), Set.of());
      }
      remember(remoteRef, id);
      return id;
    }
  }

  /**
   * A cache ref per fetched remote ref, so the next fetch negotiates and sends only new objects.
   */
  private void remember(String remoteRef, ObjectId id) throws IOException {
    var update = cache.updateRef("refs/cache/" + remoteRef.substring("refs/".length()));
    update.setNewObjectId(id);
    update.setForceUpdate(true);
    var result = update.update();
    if (result == RefUpdate.Result.LOCK_FAILURE) {
      // Another process sharing the cache is updating it; its value is as good as ours.
      return;
    }
  }

  /**
   * Pushes {@code newId} (null: delete) to {@code remoteRef} without force, only if the remote
   * still has {@code expectedOld} (zero id: the ref must not exist).
   */
  RemoteRefUpdate push(ObjectId newId, String remoteRef, ObjectId expectedOld) {
    return pushReporting(newId, remoteRef, expectedOld).update();
  }

  /**
   * The outcome of a push and what the remote said while receiving it (a hook's reason for a
   * refusal, which the ref's status only calls "pre-receive hook declined").
   */
  record Pushed(RemoteRefUpdate update, String remoteMessages) {}

  /** {@link #push}, with the remote's messages. */
  Pushed pushReporting(ObjectId newId, String remoteRef, ObjectId expectedOld) {
    var deadline = ExchangeDeadline.after(settings.limits().request());
    try {
      return bounded(
          deadline,
          () -> {
            try (var transport = open(deadline)) {
              var update =
                  newId == null
                      ? new RemoteRefUpdate(
                          cache, (String) null, remoteRef, false, null, expectedOld)
                      : new RemoteRefUpdate(cache, null, newId, remoteRef, false, null, expectedOld);
              var result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
              return new Pushed(result.getRemoteUpdate(remoteRef), result.getMessages().strip());
            }
          });
    } catch (IOException e) {
      throw new CatalogException(
          "cannot push "
              + remoteRef
              + " to "
              + settings.displayUrl()
              + ": "
              + errors.explain(e, deadline),
          e);
    }
  }

  private Transport open(ExchangeDeadline deadline) throws IOException {
    var transport = Transport.open(cache, uri);
    // JGit's timeout (whole seconds) bounds connecting and each wait for data; the deadline
    // bounds the whole exchange.
    transport.setTimeout((int) Math.max(1, (deadline.remainingMillis() + 999) / 1000));
    // GitHub's token user unless the URL names one (GitLab: oauth2, Gitea: the account).
    var user = uri.getUser() == null ? "x-access-token" : uri.getUser();
    settings
        .token()
        .ifPresent(
            token ->
                transport.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(user, token.reveal())));
    if (transport instanceof SshTransport sshTransport) {
      sshTransport.setSshSessionFactory(ssh);
    }
    if (transport instanceof TransportHttp http) {
      http.setHttpConnectionFactory(
          new BoundedHttpConnections(
              deadline, (int) settings.limits().connect().toMillis(), https));
    }
    return transport;
  }

  /** An SSH exchange on its own thread, cut off at the deadline; others as they are. */
  private <T> T bounded(ExchangeDeadline deadline, SshExchange.Call<T> call) throws IOException {
    return ssh(uri) ? SshExchange.within(deadline, call) : call.run();
  }

  private static boolean ssh(URIish uri) {
    var scheme = uri.getScheme();
    return scheme == null ? uri.getHost() != null : scheme.contains("ssh");
  }

  @Override
  public void close() {
    cache.close();
    ssh.close();
  }
}

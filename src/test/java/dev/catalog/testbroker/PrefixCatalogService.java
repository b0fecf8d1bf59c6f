package dev.catalog.testbroker;

import java.util.List;
import org.springframework.cloud.servicebroker.model.catalog.Catalog;
import org.springframework.cloud.servicebroker.model.catalog.ServiceDefinition;
import org.springframework.cloud.servicebroker.service.CatalogService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Mono;

/**
 * Serves a catalog per platform-instance prefix, so one process acts as two brokers: {@code
 * /data/v2/catalog} offers {@code db}, {@code /messaging/v2/catalog} offers {@code queue}, {@code
 * /streams/v2/catalog} offers {@code stream}, {@code /nested/v2/catalog} offers {@code cache}
 * (nested credentials, issue 13), and {@code /v2/catalog} (no prefix) offers all but {@code cache}.
 * Spring OSB calls {@link #getCatalog()} on the request thread, which is how the prefix is known.
 * Requests for any known service are served under every prefix.
 */
final class PrefixCatalogService implements CatalogService {
  private final Catalog full = BrokerCatalog.catalog();
  private final ServiceDefinition cache = BrokerCatalog.cache();

  @Override
  public Mono<Catalog> getCatalog() {
    var attributes = RequestContextHolder.getRequestAttributes();
    var uri =
        attributes instanceof ServletRequestAttributes servlet
            ? servlet.getRequest().getRequestURI()
            : "/v2/catalog";
    return Mono.just(forPrefix(uri));
  }

  private Catalog forPrefix(String uri) {
    String only;
    if (uri.startsWith("/data/")) {
      only = "db";
    } else if (uri.startsWith("/messaging/")) {
      only = "queue";
    } else if (uri.startsWith("/streams/")) {
      only = "stream";
    } else if (uri.startsWith("/nested/")) {
      return Catalog.builder().serviceDefinitions(cache).build();
    } else {
      return full;
    }
    List<ServiceDefinition> services =
        full.getServiceDefinitions().stream().filter(s -> s.getName().equals(only)).toList();
    return Catalog.builder().serviceDefinitions(services).build();
  }

  @Override
  public Mono<ServiceDefinition> getServiceDefinition(String serviceId) {
    if (cache.getId().equals(serviceId)) {
      return Mono.just(cache);
    }
    return Mono.justOrEmpty(
        full.getServiceDefinitions().stream().filter(s -> s.getId().equals(serviceId)).findFirst());
  }
}

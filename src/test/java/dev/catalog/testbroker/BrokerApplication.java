package dev.catalog.testbroker;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.servicebroker.service.CatalogService;
import org.springframework.context.annotation.Bean;

/**
 * The Spring wiring of the reference broker. Spring Cloud OSB maps every endpoint both at {@code
 * /v2/...} and at {@code /{platformInstanceId}/v2/...}, so {@code http://host:port/data} and {@code
 * http://host:port/messaging} both work as broker base URLs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BrokerApplication {

  @Bean
  CatalogService catalogService() {
    return new PrefixCatalogService();
  }

  @Bean
  InstanceService instanceService(BrokerLedger ledger) {
    return new InstanceService(ledger);
  }

  @Bean
  BindingService bindingService(BrokerLedger ledger) {
    return new BindingService(ledger);
  }

  @Bean
  FilterRegistrationBean<BasicAuthFilter> basicAuth(ReferenceBroker.Options options) {
    var bean =
        new FilterRegistrationBean<>(
            new BasicAuthFilter(ReferenceBroker.USERNAME, options.password()));
    bean.setOrder(1);
    return bean;
  }

  @Bean
  FilterRegistrationBean<FaultFilter> faultFilter(FaultInjector faults) {
    var bean = new FilterRegistrationBean<>(new FaultFilter(faults));
    bean.setOrder(2);
    return bean;
  }
}

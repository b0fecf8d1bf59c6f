package dev.catalog.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.CatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
  @Test
  void parsesInstanceAndBindingAddresses() {
    assertThat(Address.parse("instance.orders-db")).isEqualTo(Address.instance("orders-db"));
    assertThat(Address.parse("binding.orders_app").toString()).isEqualTo("binding.orders_app");
  }

  @Test
  void instancesSortBeforeBindingsThenByName() {
    assertThat(Address.binding("a").compareTo(Address.instance("z"))).isPositive();
    assertThat(Address.instance("a").compareTo(Address.instance("b"))).isNegative();
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders-db", "service.x", "instance", ".x"})
  void anAddressWithoutAKnownKindIsRejected(String text) {
    assertThatThrownBy(() -> Address.parse(text))
        .isInstanceOf(CatalogException.class)
        .hasMessage("invalid address '" + text + "': expected instance.NAME or binding.NAME");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-x", "a.b", "a b"})
  void aMalformedNameIsRejected(String name) {
    assertThatThrownBy(() -> Address.parse("instance." + name))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "invalid resource name '"
                + name
                + "': use 1 to 63 letters, digits, '-' or '_',"
                + " starting with a letter or digit");
  }
}

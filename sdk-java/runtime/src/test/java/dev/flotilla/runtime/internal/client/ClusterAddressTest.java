package dev.flotilla.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ClusterUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterAddressTest {
  private static final String PROPERTY = "flotilla.address";

  @TempDir Path home;
  private String savedProperty;

  @BeforeEach
  void clearProperty() {
    savedProperty = System.clearProperty(PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (savedProperty == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, savedProperty);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"flotillas://edge.example:8090", "https://edge.example:8090", "https://edge.example:8090/"})
  void parse_tlsSchemes_giveATlsAddress(String text) {
    ClusterAddress a = ClusterAddress.parse(text);
    assertThat(a).isEqualTo(new ClusterAddress("edge.example", 8090, true));
    assertThat(a.toString()).isEqualTo("flotillas://edge.example:8090");
    assertThat(ClusterAddress.parse(a.toString())).isEqualTo(a);
  }

  @Test
  void parse_plainScheme_isNotTls() {
    assertThat(ClusterAddress.parse("flotilla://h:1").tls()).isFalse();
  }

  @Test
  void parse_pathAfterThePort_isRefused() {
    assertThatThrownBy(() -> ClusterAddress.parse("https://h:1/api"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad port");
  }

  @Test
  void parse_hostAndPort_splitsThem() {
    ClusterAddress a = ClusterAddress.parse("flotilla://head.example:7000");

    assertThat(a).isEqualTo(new ClusterAddress("head.example", 7000));
    assertThat(a.target()).isEqualTo("head.example:7000");
    assertThat(a).hasToString("flotilla://head.example:7000");
  }

  @Test
  void parse_surroundingWhitespace_trimmed() {
    assertThat(ClusterAddress.parse("  flotilla://127.0.0.1:1\n"))
        .isEqualTo(new ClusterAddress("127.0.0.1", 1));
  }

  @Test
  void parse_highestPort_accepted() {
    assertThat(ClusterAddress.parse("flotilla://h:65535").port()).isEqualTo(65535);
  }

  @Test
  void parse_bracketedIpv6Host_keepsBracketsForTheTarget() {
    ClusterAddress a = ClusterAddress.parse("flotilla://[::1]:7000");

    assertThat(a.host()).isEqualTo("[::1]");
    assertThat(a.port()).isEqualTo(7000);
    assertThat(a.target()).isEqualTo("[::1]:7000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://h:7000",
        "h:7000",
        "FLOTILLA://h:7000",
        "flotilla:/h:7000",
        "",
        "flotilla://h",
        "flotilla://h:",
        "flotilla://:7000",
        "flotilla://"
      })
  void parse_badSchemeOrMissingPart_throwsIllegalArgumentExceptionShowingTheForm(String text) {
    assertThatThrownBy(() -> ClusterAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flotilla://host:port")
        .hasMessageEndingWith("got: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "flotilla://h:0",
        "flotilla://h:65536",
        "flotilla://h:-1",
        "flotilla://h:http",
        "flotilla://h:70 00",
        "flotilla://h:99999999999",
        "flotilla://[::1]"
      })
  void parse_badPort_throwsIllegalArgumentExceptionNamingThePort(String text) {
    assertThatThrownBy(() -> ClusterAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bad port in cluster address: " + text);
  }

  @Test
  void configured_envVariableSet_usesItOverPropertyAndFile() throws IOException {
    System.setProperty(PROPERTY, "flotilla://from-property:2");
    writeAddressFile("flotilla://from-file:3");

    ClusterAddress a =
        ClusterAddress.configured(Map.of("FLOTILLA_ADDRESS", "flotilla://from-env:1"), home);

    assertThat(a).isEqualTo(new ClusterAddress("from-env", 1));
  }

  @Test
  void configured_onlySystemProperty_usesIt() {
    System.setProperty(PROPERTY, "flotilla://from-property:2");

    assertThat(ClusterAddress.configured(Map.of(), home))
        .isEqualTo(new ClusterAddress("from-property", 2));
  }

  @Test
  void configured_blankEnvVariable_fallsBackToPropertyBeforeFile() throws IOException {
    System.setProperty(PROPERTY, "flotilla://from-property:2");
    writeAddressFile("flotilla://from-file:3");

    assertThat(ClusterAddress.configured(Map.of("FLOTILLA_ADDRESS", " "), home))
        .isEqualTo(new ClusterAddress("from-property", 2));
  }

  @Test
  void configured_flotillaHomeSet_readsTheAddressFileThere() throws IOException {
    Path custom = Files.createDirectories(home.resolve("custom-home"));
    Files.writeString(custom.resolve("address"), "flotilla://from-home:4\n");
    writeAddressFile("flotilla://from-default-home:3");

    assertThat(ClusterAddress.configured(Map.of("FLOTILLA_HOME", custom.toString()), home))
        .isEqualTo(new ClusterAddress("from-home", 4));
  }

  @Test
  void configured_onlyAddressFile_readsItIgnoringTrailingNewline() throws IOException {
    writeAddressFile("flotilla://from-file:3\n");

    assertThat(ClusterAddress.configured(Map.of(), home))
        .isEqualTo(new ClusterAddress("from-file", 3));
  }

  @Test
  void configured_blankPropertyAndEnv_fallBackToFile() throws IOException {
    System.setProperty(PROPERTY, "");
    writeAddressFile("flotilla://from-file:3");

    assertThat(ClusterAddress.configured(Map.of("FLOTILLA_ADDRESS", ""), home))
        .isEqualTo(new ClusterAddress("from-file", 3));
  }

  @Test
  void configured_malformedEnvVariable_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> ClusterAddress.configured(Map.of("FLOTILLA_ADDRESS", "h:1"), home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got: h:1");
  }

  @Test
  void configured_nothingConfigured_throwsClusterUnavailableNamingEnvVariableAndFile() {
    Path file = home.resolve(".flotilla").resolve("address");

    assertThatThrownBy(() -> ClusterAddress.configured(Map.of(), home))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("FLOTILLA_ADDRESS")
        .hasMessageContaining(file.toString());
  }

  @Test
  void configured_addressPathIsADirectory_treatedAsNotConfigured() throws IOException {
    Files.createDirectories(home.resolve(".flotilla").resolve("address"));

    assertThatThrownBy(() -> ClusterAddress.configured(Map.of(), home))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("FLOTILLA_ADDRESS");
  }

  private void writeAddressFile(String content) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".flotilla"));
    Files.writeString(dir.resolve("address"), content);
  }

  @Test
  void parse_unbracketedIpv6Host_throwsIllegalArgumentExceptionAskingForBrackets() {
    assertThatThrownBy(() -> ClusterAddress.parse("flotilla://::1:7000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[::1]");
  }
}

package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is generated from the {@link Setting} descriptors: this test fails when the two
 * disagree, and rewrites the README's table when run with {@code -Dsettings.write=true}:
 * {@code mvn -B -q test -Dtest=ReadmeSettingsTableTest -Dsettings.write=true}.
 */
class ReadmeSettingsTableTest {

    static final String BEGIN = "<!-- settings: generated from dev.cognitoee.internal.config.Setting; "
            + "mvn test -Dtest=ReadmeSettingsTableTest -Dsettings.write=true rewrites it -->";
    static final String END = "<!-- /settings -->";

    private static final Path README = Path.of("README.md");

    @Test
    void theReadmeTableIsTheDescriptors() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = withTable(readme, table());
        if (Boolean.getBoolean("settings.write") && !expected.equals(readme)) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            readme = expected;
        }
        assertThat(block(readme))
                .as("README.md's configuration table differs from the Setting descriptors; rewrite it with "
                        + "mvn test -Dtest=ReadmeSettingsTableTest -Dsettings.write=true")
                .isEqualTo(block(expected));
    }

    @Test
    void theTableHasARowPerSettingInTheirOrder() {
        List<String> rows = table().lines().skip(2).toList();
        assertThat(rows).hasSameSizeAs(Setting.all());
        assertThat(rows.get(0)).isEqualTo("| `cognito.user-pool-id` (`userPoolId`) | required | e.g. `eu-west-1_AbC123` |");
        assertThat(rows).anyMatch(row -> row.startsWith("| `cognito.clock-skew` (`clockSkew`) | `60` | seconds"));
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> withTable("# README\nno table here\n", table()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BEGIN);
    }

    /** The configuration table, one row per setting, in Markdown. */
    static String table() {
        return "| key | default | meaning |\n|---|---|---|\n" + Setting.all().stream()
                .map(s -> "| `" + s.key() + "` (`" + s.attribute() + "`) | " + s.unsetMeaning() + " | "
                        + s.documentation() + " |\n")
                .collect(Collectors.joining());
    }

    /** {@code readme} with {@code table} between the markers. */
    static String withTable(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md has no block " + BEGIN + " ... " + END);
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
    }

    private static String block(String readme) {
        return readme.substring(readme.indexOf(BEGIN), readme.indexOf(END));
    }
}

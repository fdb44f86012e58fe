package dev.cognitoee.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of log messages (section Troubleshooting) is generated from {@link LogMessage}: this test fails
 * when they disagree, so every id is documented, and rewrites the table when run with
 * {@code -Dmessages.write=true}: {@code mvn -B -q test -Dtest=ReadmeMessageTableTest -Dmessages.write=true}.
 */
class ReadmeMessageTableTest {

    static final String BEGIN = "<!-- messages: generated from dev.cognitoee.internal.log.LogMessage; "
            + "mvn test -Dtest=ReadmeMessageTableTest -Dmessages.write=true rewrites it -->";
    static final String END = "<!-- /messages -->";

    private static final Path README = Path.of("README.md");

    @Test
    void theReadmeTableIsTheCatalogue() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the block " + BEGIN).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = readme.substring(0, begin + BEGIN.length()) + "\n" + table() + readme.substring(end);
        if (Boolean.getBoolean("messages.write") && !expected.equals(readme)) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            readme = expected;
        }
        assertThat(readme.substring(readme.indexOf(BEGIN), readme.indexOf(END)))
                .as("README.md's message table differs from LogMessage; rewrite it with "
                        + "mvn test -Dtest=ReadmeMessageTableTest -Dmessages.write=true")
                .isEqualTo(expected.substring(expected.indexOf(BEGIN), expected.indexOf(END)));
    }

    @Test
    void everyIdHasARow() {
        String table = table();
        LogMessage.all().forEach(m -> assertThat(table).contains("| `" + m.id() + "` | " + m.level().getName()));
        assertThat(table.lines().count()).isEqualTo(LogMessage.all().size() + 2L);
    }

    /** The table, one row per message, in Markdown. */
    static String table() {
        return "| id | level | meaning | what to do |\n|---|---|---|---|\n" + LogMessage.all().stream()
                .map(m -> "| `" + m.id() + "` | " + m.level().getName() + " | " + m.meaning() + " | " + m.fix()
                        + " |\n")
                .collect(Collectors.joining());
    }
}

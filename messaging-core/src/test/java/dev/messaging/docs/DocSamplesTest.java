package dev.messaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample of the README and of {@code docs/} is code the build compiles and runs: each
 * {@code ```java} block follows a line {@code <!-- compiled: PATH -->} naming the test or example
 * source it was taken from, and its lines (imports included, blank lines and indentation aside)
 * appear in that file in the same order. A sample edited in the docs alone, or a source changed
 * under its sample, fails here.
 */
class DocSamplesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern SAMPLE = Pattern.compile(
            "(?:<!-- compiled: (\\S+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaSampleIsCompiledCode() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        int samples = 0;
        for (Path document : documents) {
            Matcher m = SAMPLE.matcher(Files.readString(document));
            while (m.find()) {
                samples++;
                String where = document + " sample " + firstLine(m.group(2));
                assertThat(m.group(1)).as("%s names its compiled source (<!-- compiled: PATH -->)", where).isNotNull();
                Path source = ROOT.resolve(m.group(1));
                assertThat(source).as(where).exists();
                assertThat(missingLine(lines(m.group(2)), lines(Files.readString(source))))
                        .as("%s: the first line not found, in order, in %s", where, source).isNull();
            }
        }
        assertThat(samples).as("Java samples in the README and docs").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theReadmeShowsTheTestCommandThatCiRuns() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).contains("./mvnw verify");
        assertThat(ci.lines()).contains("./mvnw verify");
    }

    /** The first line of {@code sample} that is not found after the previous one in {@code source}; null if none. */
    private static String missingLine(List<String> sample, List<String> source) {
        int at = 0;
        for (String line : sample) {
            while (at < source.size() && !source.get(at).equals(line)) {
                at++;
            }
            if (at == source.size()) {
                return line;
            }
            at++;
        }
        return null;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String firstLine(String sample) {
        return lines(sample).stream().findFirst().orElse("(empty)");
    }
}

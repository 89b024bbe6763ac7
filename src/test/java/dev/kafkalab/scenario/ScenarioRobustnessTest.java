package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the text, loading either succeeds or throws ScenarioException with located problems. */
class ScenarioRobustnessTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    private void loadsOrRefuses(String text) {
        Throwable t = catchThrowable(() -> loader.load("fuzz.yaml", text));
        if (t != null) {
            assertThat(t).as("input:\n%s", text).isInstanceOf(ScenarioException.class);
            assertThat(((ScenarioException) t).problems()).isNotEmpty().isSorted().allSatisfy(p -> {
                assertThat(p.location().line()).isPositive();
                assertThat(p.location().column()).isPositive();
                assertThat(p.message()).isNotBlank().doesNotContain("Exception");
            });
        }
    }

    @Test
    void everyPrefixOfTheFullExample() {
        String full = ScenarioLoaderTest.FULL;
        for (int i = 0; i <= full.length(); i++) {
            loadsOrRefuses(full.substring(0, i));
        }
    }

    @Test
    void randomEditsOfTheFullExample() {
        String full = ScenarioLoaderTest.FULL;
        String alphabet = " \n\t-:{}[],#&*!|>'\"~0123456789abcxyz?%@`\\";
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder(full);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            loadsOrRefuses(sb.toString());
        }
    }

    @Test
    void oddDocuments() {
        for (String text : new String[] {"", "   ", "---", "...", "~", "42", "[]", "{}", "!!binary AAAA",
                "title: !!str", "title: [a]", "? [a]\n: b", "title: x\n<<: {seed: 1}", "title: x\nseed: 1:30",
                "title: x\nseed: 99999999999999999999999", "title: x\nseed: 0x1F", "title: \u0000",
                "title: x\nsteps: &s [ { do: *s } ]", "title: x\ncluster: { config: { num.partitions: 2 } }\n"
                + "topics: [ { name: t, replicas: { 1: [0], 2: [0] } } ]", "%YAML 1.1\n---\ntitle: x",
                "title: x\nsteps:\n- do:\n  - produce: { producer: p, topic: t }\n"}) {
            loadsOrRefuses(text);
        }
    }
}

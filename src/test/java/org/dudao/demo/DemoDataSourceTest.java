package org.dudao.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in demo data is a faithful transcription of seed 000: the target lists of 附件1 and the
 * assessor table of 附件2 (names, contacts, login names as printed), checked against the seed text.
 */
class DemoDataSourceTest {

    static final Path SEED = Path.of("../shared/seeds/000_b0821acc7bb8d3ea.txt");
    static String seed;
    static List<Map<String, String>> units = DemoDataLoader.rows(DemoDataLoader.UNITS);
    static List<Map<String, String>> accounts = DemoDataLoader.rows(DemoDataLoader.ACCOUNTS);

    @BeforeAll
    static void readSeed() throws IOException {
        assumeTrue(Files.exists(SEED), "seed documents not beside the checkout");
        seed = Files.readString(SEED, StandardCharsets.UTF_8);
    }

    @Test
    void targetsAreTheUnitsListedInAttachment1_inOrder() {
        assertThat(names("县区政府")).containsExactlyElementsOf(listed("管委会(11个)", "二、部门1"));
        assertThat(names("部门1")).containsExactlyElementsOf(listed("二、部门1(4个)", "三、部门2"));
        assertThat(names("部门2")).containsExactlyElementsOf(listed("三、部门2(46个)", "附件 2"));
        assertThat(names("县区政府")).hasSize(11);
        assertThat(names("部门2")).hasSize(46);
    }

    @Test
    void department1DiscrepancyIsStatedNotHidden() {
        assertThat(seed).contains("二、部门1(4个)");
        assertThat(names("部门1")).hasSize(3);
        units.stream()
                .filter(u -> u.get("category").equals("部门1"))
                .forEach(u -> assertThat(u.get("note")).contains("4 个").contains("3 个"));
    }

    @Test
    void assessorsHaveTheContactsAndLoginNamesOfAttachment2() {
        Matcher m = Pattern.compile("(?m)^(\\d\\d)\\t(.+?)\\t(.+?)\\t(.+?)\\t(.+?)\\t(.+)$")
                .matcher(seed);
        int rows = 0;
        while (m.find()) {
            rows++;
            String login = m.group(6).strip();
            Map<String, String> account = accounts.stream()
                    .filter(a -> a.get("username").equals(login))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no account " + login));
            assertThat(account.get("role")).isEqualTo("ASSESSOR");
            assertThat(account.get("display_name")).isEqualTo(m.group(3).strip());
            Map<String, String> unit = units.stream()
                    .filter(u -> u.get("key").equals(account.get("unit_key")))
                    .findFirst()
                    .orElseThrow();
            assertThat(unit.get("contact_person")).isEqualTo(m.group(3).strip());
            assertThat(unit.get("contact_phone")).isEqualTo(m.group(4).strip());
            assertThat(unit.get("contact_address")).isEqualTo(m.group(5).strip());
            assertThat(m.group(2).strip()).endsWith(unit.get("name").equals("市市场监管局") ? "市市场监督管理局" : unit.get("name"));
        }
        assertThat(rows).isEqualTo(20);
    }

    @Test
    void everyTargetHasOneAccountAndEveryRowStatesItsSource() {
        long targets = units.stream().filter(u -> !u.get("category").isEmpty()).count();
        assertThat(accounts.stream().filter(a -> a.get("role").equals("TARGET")))
                .hasSize((int) targets);
        assertThat(targets).isEqualTo(60);
        assertThat(units).allSatisfy(u -> assertThat(u.get("source_ref")).isNotBlank());
    }

    private static List<String> names(String category) {
        return units.stream()
                .filter(u -> u.get("category").equals(category))
                .map(u -> u.get("name"))
                .toList();
    }

    /** The 、-separated list between two markers, with line breaks and typesetting spaces removed. */
    private static List<String> listed(String from, String to) {
        int s = seed.indexOf(from) + from.length();
        String body =
                seed.substring(s, seed.indexOf(to, s)).replaceAll("\\s", "").replace("。", "");
        return Arrays.stream(body.split("、")).filter(x -> !x.isEmpty()).toList();
    }
}

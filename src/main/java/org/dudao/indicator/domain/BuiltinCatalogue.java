package org.dudao.indicator.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.indicator.BuiltinSystem;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.NewSystem;
import org.dudao.indicator.SystemKind;
import org.dudao.shared.text.CsvReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The built-in systems listed in {@code indicator/builtin/systems.csv}. */
@Component
public class BuiltinCatalogue {

    static final String BASE = "indicator/builtin/";

    public List<BuiltinSystem> all() {
        return CsvReader.read(read("systems.csv")).stream()
                .map(BuiltinCatalogue::system)
                .toList();
    }

    public Optional<BuiltinSystem> find(String code) {
        return all().stream().filter(b -> b.meta().code().equals(code)).findFirst();
    }

    /** The tree of a built-in system; fails loudly if the transcription has a broken row. */
    public List<IndicatorNode> tree(BuiltinSystem system) {
        OutlineCsv.Parsed parsed = OutlineCsv.parse(read(system.file()));
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("built-in " + system.meta().code() + " has broken rows: "
                    + parsed.problems().stream()
                            .map(p -> p.row() + ":" + p.messageKey() + List.of(p.args()))
                            .toList());
        }
        return parsed.roots();
    }

    private static BuiltinSystem system(Map<String, String> r) {
        NewSystem meta = new NewSystem(
                r.get("code"),
                r.get("name"),
                Cells.integer(r.get("year")),
                Cells.text(r.get("document_no")),
                SystemKind.valueOf(r.get("kind")),
                Cells.text(r.get("source")),
                Cells.list(r.get("categories")),
                r.get("code"));
        return new BuiltinSystem(meta, r.get("file"), new ClassPathResource(BASE + r.get("file")).exists());
    }

    private static String read(String file) {
        try {
            return new String(
                    new ClassPathResource(BASE + file).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

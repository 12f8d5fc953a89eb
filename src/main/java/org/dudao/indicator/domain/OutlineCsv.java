package org.dudao.indicator.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.RowProblem;
import org.dudao.shared.text.CsvReader;

/**
 * The transcription format of the built-in systems (see indicator/builtin/README.md): one row per node
 * in document order; a row's parent is the nearest row above whose level is one less.
 */
final class OutlineCsv {

    private OutlineCsv() {}

    record Parsed(List<IndicatorNode> roots, List<RowProblem> problems) {}

    static Parsed parse(String csv) {
        List<Map<String, String>> rows = CsvReader.read(csv);
        List<RowProblem> problems = new ArrayList<>();
        List<Builder> roots = new ArrayList<>();
        List<Builder> stack = new ArrayList<>(); // stack.get(i) = last node seen at level i+1
        int rowNo = 1;
        for (Map<String, String> r : rows) {
            rowNo++;
            try {
                Integer level = Cells.integer(r.get("level"));
                if (level == null || level < 1 || level > stack.size() + 1) {
                    throw new Cells.CellException("indicator.import.badLevel", r.get("level"));
                }
                IndicatorNode data = node(r);
                Builder b = new Builder(data);
                while (stack.size() >= level) {
                    stack.remove(stack.size() - 1);
                }
                if (level == 1) {
                    roots.add(b);
                } else {
                    Builder parent = stack.get(level - 2);
                    parent.children.add(b);
                }
                stack.add(b);
            } catch (Cells.CellException e) {
                problems.add(new RowProblem(rowNo, null, e.key, e.args));
            }
        }
        return new Parsed(roots.stream().map(Builder::build).toList(), problems);
    }

    private static IndicatorNode node(Map<String, String> r) {
        String name = Cells.text(r.get("name"));
        if (name == null) {
            throw new Cells.CellException("indicator.import.nameRequired");
        }
        NodeKind kind = Cells.kind(r.get("kind"));
        return new IndicatorNode(
                null,
                kind,
                Cells.text(r.get("label")),
                name,
                Cells.points(r.get("points")),
                Cells.points(r.get("points_inferred")),
                Cells.methods(r.get("methods")),
                Cells.list(r.get("materials")),
                Cells.date(r.get("deadline")),
                Cells.text(r.get("description")),
                Cells.text(r.get("requirement")),
                Cells.text(r.get("assessor_lead")),
                Cells.list(r.get("assessor_co")),
                Cells.text(r.get("responsible_lead")),
                Cells.list(r.get("responsible_co")),
                Cells.list(r.get("categories")),
                Cells.integer(r.get("word_limit")),
                Cells.integer(r.get("word_limit_max")),
                Cells.text(r.get("source_ref")),
                Cells.text(r.get("note")),
                List.of());
    }

    /** Mutable while parsing. */
    static final class Builder {
        final IndicatorNode data;
        final List<Builder> children = new ArrayList<>();

        Builder(IndicatorNode data) {
            this.data = data;
        }

        IndicatorNode build() {
            return data.withChildren(children.stream().map(Builder::build).toList());
        }
    }
}

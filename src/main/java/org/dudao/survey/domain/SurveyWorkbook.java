package org.dudao.survey.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.FormulaText;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.survey.LinkView;
import org.dudao.survey.OptionView;
import org.dudao.survey.QuestionView;
import org.dudao.survey.QuestionnaireView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 答卷导出: every response of a questionnaire as one row (target, time, source, satisfaction, one column
 * per question: the option labels chosen, or the text as typed). Every answer is a text cell; text that
 * looks like a formula (=, +, -, @, tab, carriage return) is also marked quote-prefixed, so Excel and WPS
 * show it as text and never evaluate it, even after editing the cell.
 */
@Service
@Transactional(readOnly = true)
public class SurveyWorkbook {

    static final int CELL_MAX = 32_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SurveyStore store;
    private final QuestionnaireService questionnaires;

    SurveyWorkbook(SurveyStore store, QuestionnaireService questionnaires) {
        this.store = store;
        this.questionnaires = questionnaires;
    }

    public byte[] export(long id, CurrentUser user) {
        QuestionnaireView q = questionnaires.get(id, user);
        Map<Long, String> targetNames = questionnaires.links(q).stream()
                .collect(Collectors.toMap(LinkView::targetId, l -> l.targetName() == null ? "" : l.targetName()));
        Map<Long, OptionView> options = new HashMap<>();
        q.questions().forEach(question -> question.options().forEach(o -> options.put(o.id(), o)));
        Map<Long, Map<Long, List<String>>> answers = new HashMap<>();
        for (SurveyStore.Answer a : store.answers(id)) {
            String v = a.optionId() != null ? options.get(a.optionId()).label() : a.text();
            answers.computeIfAbsent(a.responseId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.questionId(), k -> new ArrayList<>())
                    .add(v);
        }
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("答卷");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row head = sheet.createRow(0);
            List<String> headers = new ArrayList<>(List.of("序号", "考核对象", "提交时间", "来源", "满意度（%）"));
            for (QuestionView question : q.questions()) {
                headers.add(question.position() + ". " + question.text());
            }
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (SurveyStore.Response resp : store.responses(id)) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                text(row, 1, targetNames.getOrDefault(resp.targetId(), ""), quoted);
                text(row, 2, TIME.format(resp.submittedAt().atZone(ClockConfiguration.ZONE)), quoted);
                text(row, 3, "DEMO".equals(resp.source()) ? "演示数据" : "公众填写", quoted);
                if (resp.satisfaction() != null) {
                    row.createCell(4)
                            .setCellValue(resp.satisfaction()
                                    .multiply(BigDecimal.valueOf(100))
                                    .setScale(2, java.math.RoundingMode.HALF_UP)
                                    .doubleValue());
                }
                Map<Long, List<String>> mine = answers.getOrDefault(resp.id(), Map.of());
                int c = 5;
                for (QuestionView question : q.questions()) {
                    List<String> vs = mine.get(question.id());
                    if (vs != null) {
                        text(row, c, String.join("；", vs), quoted);
                    }
                    c++;
                }
                r++;
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < Math.min(headers.size(), 12); c++) {
                sheet.setColumnWidth(c, c < 5 ? 14 * 256 : 24 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell; formula-looking text quote-prefixed. */
    static void text(Row row, int column, String value, CellStyle quoted) {
        String v = value.length() > CELL_MAX ? value.substring(0, CELL_MAX - 1) + "…" : value;
        Cell cell = row.createCell(column);
        cell.setCellValue(v);
        if (FormulaText.looksLikeFormula(v)) {
            cell.setCellStyle(quoted);
        }
    }
}

package org.dudao.organization.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.organization.UnitImportRow;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.text.UploadedXlsx;
import org.springframework.stereotype.Component;

/**
 * 单位导入导出表. One sheet "单位" with a header row; the same columns are written by export and the
 * template and read by import, so an exported file can be edited and imported again.
 */
@Component
public class UnitWorkbook {

    /** Column headers, in order. A "*" marks a required column. */
    public static final List<String> HEADERS =
            List.of("单位名称*", "上级单位", "单位类型*", "简称", "联系人", "联系电话", "联系地址", "排序", "备注");

    private final DudaoProperties.Upload limits;

    public UnitWorkbook(DudaoProperties properties) {
        this.limits = properties.upload();
    }

    /** Reads an uploaded xlsx; rejects anything that is not a sane, small xlsx (zip bombs included). */
    public List<UnitImportRow> read(byte[] bytes) {
        Workbook opened = UploadedXlsx.open(bytes, limits); // refusals keep their own message
        try (Workbook wb = opened) {
            Sheet sheet = wb.getSheetAt(0);
            checkHeader(sheet.getRow(0));
            if (sheet.getLastRowNum() > limits.maxImportRows()) {
                throw new InvalidInputException("file", "import.tooManyRows", limits.maxImportRows());
            }
            DataFormatter fmt = new DataFormatter();
            List<UnitImportRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, fmt)) {
                    continue;
                }
                rows.add(new UnitImportRow(
                        r + 1,
                        text(row, 0, fmt),
                        text(row, 1, fmt),
                        text(row, 2, fmt),
                        text(row, 3, fmt),
                        text(row, 4, fmt),
                        text(row, 5, fmt),
                        text(row, 6, fmt),
                        text(row, 7, fmt),
                        text(row, 8, fmt)));
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException("file", "import.noRows");
            }
            return rows;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports zip bombs, broken zips and non-xlsx content as IOException or runtime errors
            throw new InvalidInputException("file", "import.unreadable");
        }
    }

    /** The import template: headers, two example rows and a sheet explaining the columns. */
    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = header(wb);
            example(sheet.createRow(1), "市司法局", "平顶山市", "部门", "", "张三", "0375-1234567", "市政大厦", "10", "");
            example(sheet.createRow(2), "依法行政指导科", "平顶山市/市司法局", "科室", "", "", "", "", "1", "");
            Sheet help = wb.createSheet("说明");
            String[] lines = {
                "每行一个单位；第一行为表头，请勿修改。带 * 的列必填。",
                "上级单位：填写上级单位名称；若名称不唯一，请填写自根单位起的完整路径，用“/”分隔，如 平顶山市/市司法局。",
                "上级单位可以是本表中前面行新建的单位。同一上级下已有同名单位时，该行更新该单位的信息。",
                "单位类型："
                        + String.join(
                                "、",
                                UnitService.KIND_LABELS.get(UnitKind.CITY).get(0),
                                UnitService.KIND_LABELS.get(UnitKind.COUNTY).get(0),
                                UnitService.KIND_LABELS.get(UnitKind.TOWN).get(0),
                                UnitService.KIND_LABELS.get(UnitKind.DEPARTMENT).get(0),
                                UnitService.KIND_LABELS.get(UnitKind.SECTION).get(0),
                                UnitService.KIND_LABELS.get(UnitKind.OTHER).get(0)),
                "任何一行有错误时，整个文件都不会导入，并逐行列出错误。"
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports units (in tree order) with the parent written as a full path. */
    public byte[] export(List<UnitView> units, Map<Long, String> pathById) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = header(wb);
            int r = 1;
            for (UnitView u : units) {
                String parent = u.parentId() == null ? "" : pathById.getOrDefault(u.parentId(), "");
                example(
                        sheet.createRow(r++),
                        u.name(),
                        parent,
                        UnitService.KIND_LABELS.get(u.kind()).get(0),
                        u.shortName(),
                        u.contactPerson(),
                        u.contactPhone(),
                        u.contactAddress(),
                        String.valueOf(u.sortOrder()),
                        u.note());
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet header(XSSFWorkbook wb) {
        Sheet sheet = wb.createSheet("单位");
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        for (int i = 0; i < HEADERS.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(HEADERS.get(i));
            c.setCellStyle(bold);
            sheet.setColumnWidth(i, (i == 1 || i == 6 || i == 8 ? 36 : 18) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void example(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static void checkHeader(Row row) {
        DataFormatter fmt = new DataFormatter();
        for (int i = 0; i < HEADERS.size(); i++) {
            String expected = HEADERS.get(i).replace("*", "");
            String actual = row == null ? "" : text(row, i, fmt);
            if (actual == null || !actual.replace("*", "").strip().equals(expected)) {
                throw new InvalidInputException("file", "import.badHeader", i + 1, HEADERS.get(i));
            }
        }
    }

    private static boolean isBlank(Row row, DataFormatter fmt) {
        for (int i = 0; i < HEADERS.size(); i++) {
            String t = text(row, i, fmt);
            if (t != null && !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int col, DataFormatter fmt) {
        Cell c = row.getCell(col);
        if (c == null) {
            return null;
        }
        String t = fmt.formatCellValue(c);
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}

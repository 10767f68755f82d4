package io.retro.bench;

import io.retro.support.ServiceApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table and written as JSON. */
final class Results {

    /** One figure beside its baseline; {@code ratio} is value over baseline value. */
    record Row(String metric, double value, String unit, String baseline, Double baselineValue, String target) {

        Double ratio() {
            return baselineValue == null || baselineValue == 0 ? null : value / baselineValue;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String metric, double value, String unit, String baseline, Double baselineValue, String target) {
        rows.add(new Row(metric, value, unit, baseline, baselineValue, target));
        System.out.println("BENCH " + format(rows.get(rows.size() - 1)));
    }

    String table() {
        StringBuilder table = new StringBuilder("| metric | value | unit | baseline | baseline value | ratio | target |\n")
                .append("|---|---:|---|---|---:|---:|---|\n");
        rows.forEach(row -> table.append(format(row)).append('\n'));
        return table.toString();
    }

    void write(Path file) throws IOException {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("metric", row.metric());
            entry.put("value", round(row.value()));
            entry.put("unit", row.unit());
            entry.put("baseline", row.baseline());
            entry.put("baselineValue", row.baselineValue() == null ? null : round(row.baselineValue()));
            entry.put("ratio", row.ratio() == null ? null : round(row.ratio()));
            json.add(entry);
        }
        Files.createDirectories(file.getParent());
        ServiceApi.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    }

    private static String format(Row row) {
        return String.format("| %s | %.1f | %s | %s | %s | %s | %s |", row.metric(), row.value(), row.unit(),
                row.baseline() == null ? "" : row.baseline(),
                row.baselineValue() == null ? "" : String.format("%.1f", row.baselineValue()),
                row.ratio() == null ? "" : String.format("%.2f", row.ratio()),
                row.target() == null ? "" : row.target());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package dev.imagepipe.cli.output;

import java.util.List;

/** Lays rows out as kubectl does: columns left-aligned, three spaces apart, no trailing blanks. */
public final class Table {

    /** Space between columns, as kubectl leaves it. */
    static final int GAP = 3;

    private Table() {}

    /**
     * The rows as text, each line ending in a newline; the first row is usually the header.
     *
     * @throws IllegalArgumentException when rows differ in length
     */
    public static String layout(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " columns, not " + columns);
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row.get(c).length() + GAP));
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}

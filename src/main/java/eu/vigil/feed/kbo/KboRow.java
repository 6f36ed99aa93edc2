package eu.vigil.feed.kbo;

/** One row of a KBO file: read where it stands in the file, or held in memory after an Update was sorted. */
interface KboRow {

    String get(int index);

    int size();

    String[] fields();

    /** The line it stood on in the file. */
    long line();

    String raw();

    static KboRow of(eu.vigil.feed.internal.CsvReader csv) {
        return new KboRow() {
            @Override
            public String get(int index) {
                return csv.get(index);
            }

            @Override
            public int size() {
                return csv.size();
            }

            @Override
            public String[] fields() {
                return csv.fields();
            }

            @Override
            public long line() {
                return csv.line();
            }

            @Override
            public String raw() {
                return csv.raw();
            }
        };
    }

    record Held(String[] fields, long line, String raw) implements KboRow {

        @Override
        public String get(int index) {
            return index < fields.length ? fields[index] : "";
        }

        @Override
        public int size() {
            return fields.length;
        }
    }
}

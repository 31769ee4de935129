package app.quorum.verifier;

/** Small integer ranges. */
final class LongStreams {

    private LongStreams() {
    }

    /** {@code from, from+1, …, to}. */
    static long[] range(int from, int to) {
        long[] values = new long[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }
}

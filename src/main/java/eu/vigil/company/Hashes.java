package eu.vigil.company;

/** 64-bit FNV-1a over a section's canonical JSON: equal hashes mean nothing changed. */
public final class Hashes {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashes() {}

    public static long fnv64(CharSequence text) {
        long hash = OFFSET;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * PRIME;
            hash = (hash ^ (c >>> 8)) * PRIME;
        }
        return hash;
    }
}

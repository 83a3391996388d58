package kverify.properties.luo.corrupt;

/** One line per finding key, written after reading the shrunk case (filled in as keys are found). */
final class FindingExplanations {
    private FindingExplanations() {
    }

    static String line(String key) {
        return "(explanation to be written for: " + key + ")";
    }
}

package io.reportbot.store;

/**
 * How many questions came in one time bucket from one platform in one language, and how many fell back.
 *
 * @param bucketStart the bucket's start, epoch milliseconds (UTC)
 * @param platform    the platform
 * @param language    the language
 * @param questions   questions answered
 * @param fallbacks   of which fell back
 */
public record TrafficRow(long bucketStart, String platform, String language, long questions, long fallbacks) {
}

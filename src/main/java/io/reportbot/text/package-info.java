/**
 * Wording from resource bundles, for the engine, the adapters, the console and the command line alike
 * ({@link io.reportbot.text.TextBundle}): one pattern convention and one policy for a missing key. Imports nothing of
 * the project but {@code core}.
 */
package io.reportbot.text;

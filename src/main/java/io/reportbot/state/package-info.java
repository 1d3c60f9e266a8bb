/**
 * The state a reportbot process keeps between messages, behind one interface ({@link io.reportbot.state.SharedState}):
 * conversation context, the ledger of handled updates and interactions, rate limits and users' choices such as
 * {@code /lang}. Two implementations: in-process (Caffeine, the default, nothing to install) and Redis (Lettuce),
 * which lets several replicas share it. Imports nothing of the project but {@code io.reportbot.core}.
 */
package io.reportbot.state;

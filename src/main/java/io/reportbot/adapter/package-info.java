/**
 * The platform-neutral kit that the Telegram and Discord adapters (and where it fits, the console) share, so that no
 * adapter writes the same mechanism again: {@link io.reportbot.adapter.TextSplitter} (length limits),
 * {@link io.reportbot.adapter.ButtonCodec} (the ids of topic buttons) and {@link io.reportbot.adapter.RateGate} (the
 * per-user and per-chat rate limits, on the {@link io.reportbot.state.RateLimits} every replica shares). The wording
 * wrapper they use lives in {@code io.reportbot.text}, since the engine uses it too.
 *
 * <p>Nothing here imports a platform library ({@code org.telegram}, {@code net.dv8tion}).
 */
package io.reportbot.adapter;

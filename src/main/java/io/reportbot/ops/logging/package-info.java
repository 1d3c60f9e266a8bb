/**
 * Log redaction for every part of reportbot and the libraries it runs (JDA, telegrambots, OkHttp): the conversion
 * words and the JSON encoder that {@code logback.xml} and {@code --log-format json} use, so that no bot token or
 * Discord interaction token reaches a log line.
 */
package io.reportbot.ops.logging;

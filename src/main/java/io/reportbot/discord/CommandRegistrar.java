package io.reportbot.discord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands once per process: globally (from shard 0 only, since global commands
 * belong to the application, not to a shard), or in each configured guild when it becomes ready.
 *
 * <p>JDA fires {@link ReadyEvent} once per shard login, not on a resume; the flags here also keep a
 * re-identify after an invalidated session from registering again. A failed registration is retried at
 * the next ready. Thread-safe.
 */
final class CommandRegistrar extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

    private final List<SlashCommandData> commands;
    private final Set<Long> guildIds;
    private final AtomicBoolean globalDone = new AtomicBoolean();
    private final Set<Long> guildsDone = ConcurrentHashMap.newKeySet();

    CommandRegistrar(List<SlashCommandData> commands, List<Long> guildIds) {
        this.commands = List.copyOf(commands);
        this.guildIds = Set.copyOf(guildIds);
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        if (!guildIds.isEmpty()) {
            JDA.ShardInfo shard = jda.getShardInfo();
            for (long id : guildIds) {
                // JDA fires ReadyEvent after the shard's guilds are loaded, so a missing guild is one the bot is not in
                boolean ours = ((id >> 22) % shard.getShardTotal()) == shard.getShardId();
                if (ours && jda.getGuildById(id) == null) {
                    LOG.warn("the bot is not a member of guild {} from discord.guildIds: invite it (see docs/discord.md)", id);
                }
            }
            return;
        }
        if (jda.getShardInfo().getShardId() != 0) {
            return;
        }
        if (!globalDone.compareAndSet(false, true)) {
            return;
        }
        jda.updateCommands().addCommands(commands).queue(
                done -> LOG.info("registered {} global commands (Discord may take up to an hour to show changes)", done.size()),
                e -> {
                    globalDone.set(false);
                    LOG.error("registering the global commands failed: {}", e.toString());
                });
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        long id = event.getGuild().getIdLong();
        if (!guildIds.contains(id) || !guildsDone.add(id)) {
            return;
        }
        event.getGuild().updateCommands().addCommands(commands).queue(
                done -> LOG.info("registered {} commands in guild {}", done.size(), id),
                e -> {
                    guildsDone.remove(id);
                    LOG.error("registering the commands in guild {} failed: {}", id, e.toString());
                });
    }
}

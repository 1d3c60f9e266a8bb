package io.reportbot.discord;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.junit.jupiter.api.Test;

/** Commands are registered once, by the right shard or in the configured guilds. */
class CommandRegistrarTest {
    private final CommandCatalog catalog = new CommandCatalog(DiscordFormatter.messages());

    @Test
    void globalCommandsAreRegisteredOnceByShardZero() {
        CommandRegistrar registrar = new CommandRegistrar(catalog.commands(), List.of());
        JDA shard0 = jda(0, 2);
        JDA shard1 = jda(1, 2);

        registrar.onReady(ready(shard1));
        registrar.onReady(ready(shard0));
        registrar.onReady(ready(shard0)); // e.g. a new session after the old one was invalidated

        verify(shard1, never()).updateCommands();
        verify(shard0, times(1)).updateCommands();
    }

    @Test
    void guildCommandsGoOnlyToConfiguredGuildsOnce() {
        CommandRegistrar registrar = new CommandRegistrar(catalog.commands(), List.of(42L));
        JDA jda = jda(0, 1);
        registrar.onReady(ready(jda));
        verify(jda, never()).updateCommands();

        Guild configured = guild(42L);
        Guild other = guild(43L);
        registrar.onGuildReady(guildReady(jda, configured));
        registrar.onGuildReady(guildReady(jda, configured));
        registrar.onGuildReady(guildReady(jda, other));

        verify(configured, times(1)).updateCommands();
        verify(other, never()).updateCommands();
    }

    private static JDA jda(int shard, int total) {
        JDA jda = mock(JDA.class);
        when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(shard, total));
        CommandListUpdateAction action = mock(CommandListUpdateAction.class, RETURNS_SELF);
        when(jda.updateCommands()).thenReturn(action);
        when(action.addCommands(anyCollection())).thenReturn(action);
        return jda;
    }

    private static Guild guild(long id) {
        Guild guild = mock(Guild.class);
        when(guild.getIdLong()).thenReturn(id);
        CommandListUpdateAction action = mock(CommandListUpdateAction.class, RETURNS_SELF);
        when(guild.updateCommands()).thenReturn(action);
        when(action.addCommands(anyCollection())).thenReturn(action);
        return guild;
    }

    private static ReadyEvent ready(JDA jda) {
        ReadyEvent event = mock(ReadyEvent.class);
        when(event.getJDA()).thenReturn(jda);
        return event;
    }

    private static GuildReadyEvent guildReady(JDA jda, Guild guild) {
        GuildReadyEvent event = mock(GuildReadyEvent.class);
        when(event.getJDA()).thenReturn(jda);
        when(event.getGuild()).thenReturn(guild);
        return event;
    }
}

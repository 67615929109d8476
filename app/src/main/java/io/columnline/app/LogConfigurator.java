package io.columnline.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logging set up in code, found by logback through {@code META-INF/services}: the XML
 * configuration it replaces cost a few hundred milliseconds of every start (logback loads the
 * JDK's XML parser for it). Logs go to stderr, one line per event; {@code COLUMNLINE_LOG_LEVEL}
 * (a system property or environment variable, default INFO) sets the level of our own loggers,
 * the chatty libraries stay at WARN. {@code COLUMNLINE_LOG_FORMAT=json} writes each event as one
 * JSON object per line with logback's own JsonEncoder (no extra library): time, level, thread,
 * logger, the formatted message, key-value pairs (the access log's method, route, status, ms) and
 * any throwable, never the raw arguments; any other value keeps the text lines.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    static final String LEVEL_VARIABLE = "COLUMNLINE_LOG_LEVEL";
    static final String FORMAT_VARIABLE = "COLUMNLINE_LOG_FORMAT";
    private static final Map<String, Level> QUIET = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.undertow", Level.WARN,
            "org.xnio", Level.WARN,
            "org.jboss", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        var encoder = encoder(context, System.getProperty(FORMAT_VARIABLE, System.getenv(FORMAT_VARIABLE)));
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE))));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    public static Encoder<ILoggingEvent> encoder(Context context, String format) {
        if (format != null && format.strip().equalsIgnoreCase("json")) {
            var json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        var text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        return text;
    }

    /** INFO when unset; a name logback does not know means DEBUG, as it did in logback.xml. */
    static Level rootLevel(String value) {
        return value == null || value.isBlank() ? Level.INFO : Level.toLevel(value.strip(), Level.DEBUG);
    }
}

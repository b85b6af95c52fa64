package org.nn4j.examples;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the JDK's {@link System.Logger} messages to SLF4J, so that they go where the examples' other messages go
 * (Logback, configured by {@link ExamplesLogging}). The JDK finds this class through
 * {@code META-INF/services/java.lang.System$LoggerFinder}.
 *
 * <p>nn-api depends on nothing, so it logs its kernel choice through {@code System.Logger}. Without this bridge the
 * JDK would start {@code java.util.logging} for that one debug message (read its configuration, create its root
 * logger and handler): a noticeable part of the {@code xor} example's start-up, for a message that is not shown.
 * Levels map one to one ({@code ALL} and {@code TRACE} to trace, {@code OFF} to nothing); messages with parameters
 * are {@link MessageFormat} patterns, as {@code System.Logger} defines them, formatted only when the level is on.
 */
public final class SystemLoggers extends System.LoggerFinder {

    /** Created by the JDK's service loader. */
    public SystemLoggers() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Bridge(LoggerFactory.getLogger(name));
    }

    /** One {@code System.Logger} writing to one SLF4J logger. */
    private static final class Bridge implements System.Logger {

        private final Logger logger;

        Bridge(Logger logger) {
            this.logger = logger;
        }

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            switch (level) {
                case ALL:
                case TRACE:
                    return logger.isTraceEnabled();
                case DEBUG:
                    return logger.isDebugEnabled();
                case INFO:
                    return logger.isInfoEnabled();
                case WARNING:
                    return logger.isWarnEnabled();
                case ERROR:
                    return logger.isErrorEnabled();
                default:
                    return false;
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                write(level, localized(bundle, message), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String pattern = localized(bundle, format);
                write(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params),
                        null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            if (isLoggable(level)) {
                write(level, message.get(), null);
            }
        }

        private void write(Level level, String message, Throwable thrown) {
            switch (level) {
                case ALL:
                case TRACE:
                    logger.trace(message, thrown);
                    break;
                case DEBUG:
                    logger.debug(message, thrown);
                    break;
                case INFO:
                    logger.info(message, thrown);
                    break;
                case WARNING:
                    logger.warn(message, thrown);
                    break;
                default:
                    logger.error(message, thrown);
                    break;
            }
        }

        private static String localized(ResourceBundle bundle, String key) {
            return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
        }
    }
}

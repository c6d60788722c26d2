package dev.messaging.jdbi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Captures the statements a call runs through a store's Jdbi or sends pipelined (with their bound arguments) and
 * explains them on the same database, so that tests can read the plans the planner really chose.
 */
final class QueryPlans {

    /** One statement as the store ran it. */
    record Statement(String sql, List<Argument> arguments, StatementContext context) {
    }

    /** A statement and its plan, one line per plan node. */
    record Plan(String sql, List<String> lines) {
        @Override
        public String toString() {
            return sql + "\n  " + String.join("\n  ", lines);
        }
    }

    private QueryPlans() {
    }

    /**
     * The SELECT statements {@code call} runs through {@code jdbi}. Reads each statement's bound
     * arguments back through Jdbi's {@code Binding} lookups, deprecated for removal with no
     * replacement that returns the argument objects; test code only.
     */
    @SuppressWarnings("removal")
    static List<Statement> capture(Jdbi jdbi, Supplier<?> call) {
        List<Statement> statements = new ArrayList<>();
        SqlLogger previous = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                String sql = context.getParsedSql().getSql();
                if (!sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
                    return;
                }
                List<Argument> arguments = new ArrayList<>();
                var parameters = context.getParsedSql().getParameters();
                if (parameters.isPositional()) {
                    for (int i = 0; i < parameters.getParameterCount(); i++) {
                        arguments.add(context.getBinding().findForPosition(i).orElseThrow());
                    }
                } else {
                    for (String name : parameters.getParameterNames()) {
                        arguments.add(context.getBinding().findForName(name, context).orElseThrow());
                    }
                }
                statements.add(new Statement(sql, arguments, context));
            }
        });
        // and what the store sends on plain JDBC with other statements (PostgreSQL's pipelined reads)
        Pipeline.OBSERVER.set((sql, values) -> {
            if (sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
                List<Argument> arguments = new ArrayList<>();
                for (Object value : values) {
                    arguments.add((position, statement, context) -> {
                        if (value == null) {
                            statement.setNull(position, Types.NULL);
                        } else {
                            statement.setObject(position, value);
                        }
                    });
                }
                statements.add(new Statement(sql, arguments, null));
            }
        });
        try {
            call.get();
        } finally {
            jdbi.getConfig(SqlStatements.class).setSqlLogger(previous);
            Pipeline.OBSERVER.remove();
        }
        return statements;
    }

    /** The plan of {@code sql} run with {@code arguments}, explained with {@code explain}. */
    static Plan explain(Jdbi jdbi, String explain, String sql, Object... arguments) {
        return jdbi.withHandle(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(explain + sql)) {
                for (int i = 0; i < arguments.length; i++) {
                    ps.setObject(i + 1, arguments[i]);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        lines.add(rs.getString(columns));
                    }
                }
                return new Plan(sql, lines);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot explain " + sql, e);
            }
        });
    }

    /** The plans of {@code statements}, explained with {@code explain} (e.g. "EXPLAIN QUERY PLAN "). */
    static List<Plan> explain(Jdbi jdbi, String explain, List<Statement> statements) {
        return jdbi.withHandle(h -> {
            List<Plan> plans = new ArrayList<>();
            for (Statement statement : statements) {
                try (PreparedStatement ps = h.getConnection().prepareStatement(explain + statement.sql())) {
                    for (int i = 0; i < statement.arguments().size(); i++) {
                        statement.arguments().get(i).apply(i + 1, ps, statement.context());
                    }
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            lines.add(rs.getString(columns));
                        }
                    }
                    plans.add(new Plan(statement.sql(), lines));
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot explain " + statement.sql(), e);
                }
            }
            return plans;
        });
    }
}

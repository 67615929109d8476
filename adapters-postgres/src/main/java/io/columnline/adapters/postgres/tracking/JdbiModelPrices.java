package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.run.ModelPrice;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiModelPrices implements ModelPrices {
    private static final String COLUMNS = "model, input_per_million_usd, output_per_million_usd, updated_at";

    private final JdbiSession session;

    @Inject
    JdbiModelPrices(JdbiSession session) {
        this.session = session;
    }

    @Override
    public List<ModelPrice> all() {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM model_prices ORDER BY model")
                .map(JdbiModelPrices::price)
                .list());
    }

    @Override
    public Optional<ModelPrice> byModel(String model) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM model_prices WHERE model = :model")
                .bind("model", model)
                .map(JdbiModelPrices::price)
                .findOne());
    }

    @Override
    public void save(ModelPrice price) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO model_prices (model, input_per_million_usd, output_per_million_usd, updated_at)
                VALUES (:model, :input, :output, :updated)
                ON CONFLICT (model) DO UPDATE SET input_per_million_usd = EXCLUDED.input_per_million_usd,
                  output_per_million_usd = EXCLUDED.output_per_million_usd, updated_at = EXCLUDED.updated_at
                """)
                .bind("model", price.model())
                .bind("input", price.inputPerMillionUsd())
                .bind("output", price.outputPerMillionUsd())
                .bind("updated", Rows.offset(price.updatedAt()))
                .execute());
    }

    private static ModelPrice price(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ModelPrice(
                rs.getString("model"),
                rs.getBigDecimal("input_per_million_usd"),
                rs.getBigDecimal("output_per_million_usd"),
                Rows.instant(rs, "updated_at"));
    }
}

package dev.messaging.jdbi;

import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.outlet.Outlet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of a tenant's settings tables (outlets, consent categories, delivery settings):
 * read and written whole, on no measured path, so declared here as a Jdbi SqlObject, one method a
 * statement. The hot rows (messages, conversations, the feed, deliveries) stay plain cached JDBC.
 * Attached to a transaction's handle ({@code tx.h().attach(SettingsSql.class)}); the row types'
 * mappers are registered on the store's Jdbi by {@link #install}.
 */
interface SettingsSql {

    /** Installs SqlObject and the settings rows' mappers on {@code jdbi}. */
    static Jdbi install(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin())
                .registerRowMapper(Outlet.class, (rs, ctx) -> outlet(rs))
                .registerRowMapper(LocationSettings.class, (rs, ctx) -> new LocationSettings(
                        ZoneId.of(rs.getString("time_zone")), LocalTime.parse(rs.getString("quiet_start")),
                        LocalTime.parse(rs.getString("quiet_end"))))
                .registerRowMapper(ConsentCategory.class, (rs, ctx) -> category(new Cells(rs)));
    }

    /** The columns of {@link #OUTLETS}: an outlet. */
    static Outlet outlet(ResultSet rs) throws SQLException {
        return new Outlet(rs.getString("code"), rs.getString("name"), rs.getBoolean("active"), rs.getInt("sort_order"));
    }

    /** A tenant's outlets (the tenant's key its one parameter). */
    String OUTLETS = "SELECT code, name, active, sort_order FROM outlet WHERE tenant = ?";

    private static ConsentCategory category(Cells in) throws SQLException {
        String id = in.string();
        String name = in.string();
        String description = in.string();
        String channel = in.string();
        return new ConsentCategory(id, name, description, channel == null ? null : DeliveryChannel.valueOf(channel),
                in.string(), in.bool(), in.string(), in.instant(), in.instant());
    }

    @SqlQuery("SELECT code, name, active, sort_order FROM outlet WHERE tenant = :tenant")
    List<Outlet> outlets(@Bind("tenant") long tenant);

    @SqlUpdate("""
            INSERT INTO outlet (tenant, code, name, active, sort_order) VALUES (:tenant, :code, :name, :active, :order)
            ON CONFLICT (tenant, code) DO UPDATE SET name = excluded.name, active = excluded.active,
                sort_order = excluded.sort_order""")
    void saveOutlet(@Bind("tenant") long tenant, @BindMethods Outlet outlet);

    @SqlQuery("""
            SELECT id, name, description, channel, language_code, archived, resubscription_legal_form_id,
                created_date, updated_date
            FROM consent_category WHERE tenant = :tenant ORDER BY created_date, id""")
    List<ConsentCategory> consentCategories(@Bind("tenant") long tenant);

    @SqlUpdate("""
            INSERT INTO consent_category (tenant, id, name, description, channel, language_code, archived,
                resubscription_legal_form_id, created_date, updated_date)
            VALUES (:tenant, :id, :name, :description, :channel, :language, :archived, :form, :created, :updated)
            ON CONFLICT (tenant, id) DO UPDATE SET name = excluded.name, description = excluded.description,
                archived = excluded.archived, resubscription_legal_form_id = excluded.resubscription_legal_form_id,
                updated_date = excluded.updated_date""")
    void saveConsentCategory(@Bind("tenant") long tenant, @Bind("id") String id, @Bind("name") String name,
            @Bind("description") String description, @Bind("channel") String channel,
            @Bind("language") String languageCode, @Bind("archived") boolean archived,
            @Bind("form") String resubscriptionLegalFormId, @Bind("created") Long created,
            @Bind("updated") Long updated);

    @SqlQuery("SELECT time_zone, quiet_start, quiet_end FROM location_settings WHERE tenant = :tenant")
    Optional<LocationSettings> locationSettings(@Bind("tenant") long tenant);

    @SqlUpdate("""
            INSERT INTO location_settings (tenant, time_zone, quiet_start, quiet_end)
            VALUES (:tenant, :zone, :start, :end)
            ON CONFLICT (tenant) DO UPDATE SET time_zone = excluded.time_zone, quiet_start = excluded.quiet_start,
                quiet_end = excluded.quiet_end""")
    void saveLocationSettings(@Bind("tenant") long tenant, @Bind("zone") String zone, @Bind("start") String start,
            @Bind("end") String end);
}

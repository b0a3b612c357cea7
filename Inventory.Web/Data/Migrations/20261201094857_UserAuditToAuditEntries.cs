using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Inventory.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserAuditToAuditEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "id" });

            // The users' trail moves into the kit's one audit shape, row for row: actions become the kit's verbs,
            // who becomes a user id where the old row named a user by e-mail ("sign-in" stays as it is), and the
            // before/after snapshots become the fields that differ ({ field: { before, after } }, camelCase names).
            migrationBuilder.Sql("""
                INSERT INTO audit_entries (entity_type, entity_id, action, user_id, occurred_at, changes)
                SELECT 'user', a.user_id,
                       CASE a.action
                           WHEN 'provisioned' THEN 'create'
                           WHEN 'updated' THEN 'update'
                           WHEN 'role-changed' THEN 'update'
                           WHEN 'activated' THEN 'activate'
                           WHEN 'deactivated' THEN 'deactivate'
                           ELSE left(a.action, 32)
                       END,
                       left(coalesce((SELECT u.id::text FROM users u WHERE u.email = lower(a.changed_by)), a.changed_by), 200),
                       a.changed_at,
                       coalesce((
                           SELECT jsonb_object_agg(lower(left(f.key, 1)) || substr(f.key, 2), jsonb_build_object(
                                      'before', coalesce(a.before -> f.key, 'null'::jsonb),
                                      'after', coalesce(a.after -> f.key, 'null'::jsonb)))
                           FROM jsonb_object_keys(coalesce(a.before, '{}'::jsonb) || coalesce(a.after, '{}'::jsonb)) AS f(key)
                           WHERE a.before IS NULL OR (a.before -> f.key) IS DISTINCT FROM (a.after -> f.key)), '{}'::jsonb)
                FROM user_audit a
                ORDER BY a.id;
                """);

            migrationBuilder.DropTable(
                name: "user_audit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "user_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    after = table.Column<string>(type: "jsonb", nullable: true),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_audit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_user_audit_user_id_changed_at",
                table: "user_audit",
                columns: new[] { "user_id", "changed_at" });

            // Back to snapshots: each entry's changed fields, before and after (PascalCase names as the old rows had).
            migrationBuilder.Sql("""
                INSERT INTO user_audit (user_id, action, changed_by, changed_at, before, after)
                SELECT e.entity_id,
                       CASE e.action WHEN 'create' THEN 'provisioned' WHEN 'activate' THEN 'activated'
                                     WHEN 'deactivate' THEN 'deactivated' ELSE 'updated' END,
                       left(coalesce((SELECT u.email FROM users u WHERE u.id::text = e.user_id), e.user_id), 254),
                       e.occurred_at,
                       CASE WHEN e.action = 'create' THEN NULL ELSE
                           (SELECT jsonb_object_agg(upper(left(c.key, 1)) || substr(c.key, 2), c.value -> 'before') FROM jsonb_each(e.changes) AS c) END,
                       (SELECT jsonb_object_agg(upper(left(c.key, 1)) || substr(c.key, 2), c.value -> 'after') FROM jsonb_each(e.changes) AS c)
                FROM audit_entries e
                WHERE e.entity_type = 'user'
                ORDER BY e.id;
                """);

            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}

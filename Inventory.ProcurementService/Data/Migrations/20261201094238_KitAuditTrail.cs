using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.ProcurementService.Data.Migrations
{
    /// <summary>
    /// The audit trail takes the kit's shape (who = user_id, when = occurred_at, changes = field → {before, after}).
    /// Existing entries are converted: each key whose value differs between the old before and after snapshots
    /// becomes a change (every key of a creation, with before null; every key of a deletion, with after null);
    /// "id" and "version" (a supplier item's xmin) were never data and are left out. Actions become verbs in the
    /// present tense. The values are written out here, not taken from code, so this migration means the same forever.
    /// </summary>
    public partial class KitAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_entity_type_entity_id_changed_at",
                table: "audit_entries");

            migrationBuilder.AddColumn<string>(
                name: "changes",
                table: "audit_entries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE audit_entries SET
                  changes = coalesce((
                    SELECT jsonb_object_agg(k, jsonb_build_object('before', before -> k, 'after', after -> k))
                    FROM (SELECT jsonb_object_keys(coalesce(before, '{}'::jsonb))
                          UNION SELECT jsonb_object_keys(coalesce(after, '{}'::jsonb))) AS keys(k)
                    WHERE k NOT IN ('id', 'version') AND (before -> k) IS DISTINCT FROM (after -> k)), '{}'::jsonb),
                  action = CASE action
                    WHEN 'created' THEN 'create'
                    WHEN 'updated' THEN 'update'
                    WHEN 'archived' THEN 'archive'
                    WHEN 'unarchived' THEN 'unarchive'
                    WHEN 'deleted' THEN 'delete'
                    WHEN 'status:Submitted' THEN 'submit'
                    WHEN 'status:Cancelled' THEN 'cancel'
                    WHEN 'status:Closed' THEN 'close'
                    ELSE action END;
                ALTER TABLE audit_entries ALTER COLUMN changes SET NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "after",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "before",
                table: "audit_entries");

            migrationBuilder.RenameColumn(
                name: "changed_by",
                table: "audit_entries",
                newName: "user_id");

            migrationBuilder.AlterColumn<string>(
                name: "user_id",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.RenameColumn(
                name: "changed_at",
                table: "audit_entries",
                newName: "occurred_at");

            migrationBuilder.AlterColumn<string>(
                name: "entity_type",
                table: "audit_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "action",
                table: "audit_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "id" });
        }

        /// <summary>Back to snapshots of the changed fields only: the unchanged ones were not kept.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_entity_type_entity_id_id",
                table: "audit_entries");

            migrationBuilder.AlterColumn<string>(
                name: "entity_type",
                table: "audit_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "action",
                table: "audit_entries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.RenameColumn(
                name: "occurred_at",
                table: "audit_entries",
                newName: "changed_at");

            migrationBuilder.RenameColumn(
                name: "user_id",
                table: "audit_entries",
                newName: "changed_by");

            migrationBuilder.AlterColumn<string>(
                name: "changed_by",
                table: "audit_entries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "after",
                table: "audit_entries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "before",
                table: "audit_entries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE audit_entries SET
                  before = CASE WHEN action = 'create' THEN NULL
                    ELSE (SELECT coalesce(jsonb_object_agg(key, value -> 'before'), '{}'::jsonb) FROM jsonb_each(changes)) END,
                  after = CASE WHEN action = 'delete' THEN NULL
                    ELSE (SELECT coalesce(jsonb_object_agg(key, value -> 'after'), '{}'::jsonb) FROM jsonb_each(changes)) END,
                  action = CASE action
                    WHEN 'create' THEN 'created'
                    WHEN 'update' THEN 'updated'
                    WHEN 'archive' THEN 'archived'
                    WHEN 'unarchive' THEN 'unarchived'
                    WHEN 'delete' THEN 'deleted'
                    WHEN 'submit' THEN 'status:Submitted'
                    WHEN 'cancel' THEN 'status:Cancelled'
                    WHEN 'close' THEN 'status:Closed'
                    ELSE action END;
                """);

            migrationBuilder.DropColumn(
                name: "changes",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_changed_at",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "changed_at" });
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.ProcurementService.Data.Migrations
{
    /// <summary>
    /// Every write endpoint remembers its answers in the kit's <c>idempotency_keys</c> (the first status and body per
    /// caller and key). <c>receipt_idempotency_keys</c> goes: its rows hold only a receipt id, not an answer, so they
    /// cannot be converted — and nothing is lost, because clients retry a key within minutes of the first attempt,
    /// not across an upgrade. A retry that does arrive across it is treated as a new request.
    /// </summary>
    public partial class KitIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "receipt_idempotency_keys");

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    response_body = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.CreateTable(
                name: "receipt_idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipt_idempotency_keys", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_receipt_idempotency_keys_created_at",
                table: "receipt_idempotency_keys",
                column: "created_at");
        }
    }
}

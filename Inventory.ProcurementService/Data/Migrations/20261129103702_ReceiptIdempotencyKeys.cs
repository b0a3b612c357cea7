using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.ProcurementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receipt_idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "receipt_idempotency_keys");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <inheritdoc />
    public partial class MovementChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acted_at",
                table: "movements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "movements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acted_at",
                table: "movements");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "movements");
        }
    }
}

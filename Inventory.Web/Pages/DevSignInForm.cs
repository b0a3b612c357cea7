using System.ComponentModel.DataAnnotations;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Pages;

/// <summary>The development sign-in form: anyone, with any role (only in Development without Google).</summary>
public sealed class DevSignInForm
{
    [Required(ErrorMessage = "Enter an e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(254)]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose a role.")]
    public string? Role { get; set; } = Roles.Manager;
}

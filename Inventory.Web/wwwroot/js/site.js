// Shared behaviour of every page, loaded once by the layout. Progressive enhancement only: every form also works
// without this file. A file, because the Content-Security-Policy allows no inline script or handlers.
(function () {
    'use strict';

    // "Add lines" (purchase-order drafts): append one empty row in place instead of posting the form back for more rows.
    function addLine(button) {
        var table = document.getElementById(button.getAttribute('data-add-line'));
        var rows = table && table.tBodies[0].querySelectorAll('tr[data-line-row]');
        if (!rows || rows.length === 0) {
            return false;
        }
        var index = rows.length;
        var row = rows[rows.length - 1].cloneNode(true);
        row.querySelectorAll('[name], [id], [for], [data-valmsg-for], [aria-label]').forEach(function (element) {
            ['name', 'id', 'for', 'data-valmsg-for'].forEach(function (attribute) {
                var value = element.getAttribute(attribute);
                if (value) {
                    element.setAttribute(attribute, value.replace(/Lines\[\d+\]/, 'Lines[' + index + ']').replace(/Lines_\d+__/, 'Lines_' + index + '__'));
                }
            });
            var label = element.getAttribute('aria-label');
            if (label) {
                element.setAttribute('aria-label', label.replace(/\d+$/, String(index + 1)));
            }
        });
        row.querySelectorAll('input').forEach(function (input) {
            input.value = '';
            input.classList.remove('input-validation-error');
        });
        row.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
            message.textContent = '';
        });
        var number = row.querySelector('[data-line-number]');
        if (number) {
            number.textContent = String(index + 1);
        }
        table.tBodies[0].appendChild(row);
        var first = row.querySelector('input:not([type=hidden])');
        if (first) {
            first.focus();
        }
        return true;
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-add-line]');
        if (button && addLine(button)) {
            event.preventDefault();
        }
    });

    // Choosing a supplier shows its items and prices (the same post-back as the button next to the list).
    document.addEventListener('change', function (event) {
        var id = event.target.getAttribute && event.target.getAttribute('data-refresh');
        var button = id && document.getElementById(id);
        if (button) {
            button.click();
        }
    });

    // "Print or save as PDF" (purchase-order print view): the browser's own print dialog.
    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });

    // Ask before irreversible actions (forms marked data-confirm="question": archive, remove, cancel, close, post a count).
    document.addEventListener('submit', function (event) {
        var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
}());

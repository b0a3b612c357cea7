// Lists that act on ticked rows (the item list): a "select all on this page" box, and a question before a button marked
// data-confirm (site.js asks for forms; here one form has several buttons, and only archiving asks). Without this file
// every row's box still works and the archive goes ahead unasked.
(function () {
    'use strict';

    document.querySelectorAll('[data-select-all]').forEach(function (all) {
        var form = all.form;
        var name = all.getAttribute('data-select-all');
        var boxes = function () { return Array.from(form.querySelectorAll('input[type=checkbox][name="' + name + '"]')); };
        all.hidden = false;
        all.addEventListener('change', function () {
            boxes().forEach(function (box) { box.checked = all.checked; });
        });
        form.addEventListener('change', function (event) {
            if (event.target !== all && event.target.name === name) {
                var ticked = boxes().filter(function (box) { return box.checked; }).length;
                all.checked = ticked === boxes().length;
                all.indeterminate = ticked > 0 && ticked < boxes().length;
            }
        });
    });

    document.addEventListener('submit', function (event) {
        var message = event.submitter && event.submitter.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
})();

// Searchable pickers: every <select data-picker="locations|categories|items|suppliers"> becomes a Tom Select
// (wwwroot/lib/tom-select) that asks /pickers/<kind>?q=…&limit=… as the user types, so entries beyond the
// server-rendered first page are found too. Without this file (or without script) the plain select still works.
// A select marked data-picker-preload renders only its chosen entry (a list's filter): its first entries are asked for
// when it gets focus, so opening it shows choices before anything is typed.
// A scanner types a code and Enter: the entry whose code is exactly that is chosen (a SKU, a barcode, a location code).
(function () {
    'use strict';

    var LIMIT = 30;

    function fetchOptions(kind, query) {
        var url = '/pickers/' + encodeURIComponent(kind) + '?q=' + encodeURIComponent(query) + '&limit=' + LIMIT;
        return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : { options: [] }; })
            .then(function (json) { return json.options || []; });
    }

    function exactMatch(options, code) {
        var wanted = code.trim().toLowerCase();
        return options.find(function (option) {
            return (option.codes || []).some(function (c) { return c.toLowerCase() === wanted; });
        });
    }

    function choose(picker, option) {
        picker.addOption(option);
        picker.setValue(option.value);
        picker.setTextboxValue('');
        picker.close();
        picker.blur();
    }

    function enhance(select) {
        var kind = select.getAttribute('data-picker');
        var picker = new TomSelect(select, {
            valueField: 'value',
            labelField: 'text',
            searchField: ['text', 'search'],
            // The server-rendered order first (a stock form lists the locations holding the item first), then the best match.
            sortField: [{ field: '$order' }, { field: '$score' }],
            allowEmptyOption: true,
            preload: select.hasAttribute('data-picker-preload') ? 'focus' : null,
            maxOptions: 200,
            loadThrottle: 250,
            // Filter what is already listed at once: a delayed refresh would reopen the list after a scan chose.
            refreshThrottle: 0,
            selectOnTab: true,
            shouldLoad: function (query) { return query.trim().length > 0; },
            load: function (query, callback) {
                // While it asks, the list holds only the spinner: aria-busy tells assistive technology (and axe, whose
                // listbox rule wants options) that its options are on their way.
                var self = this;
                var list = self.dropdown_content;
                list.setAttribute('aria-busy', 'true');
                var done = function (options) {
                    callback(options);
                    if (self.loading === 0) {
                        list.removeAttribute('aria-busy');
                    }
                };
                fetchOptions(kind, query).then(done, function () { done(); });
            },
            // Both sit inside the list (role=listbox), which may own only options: each is one, disabled, not a status box.
            render: {
                no_results: function () { return '<div class="no-results" role="option" aria-disabled="true">Nothing matches.</div>'; },
                loading: function () { return '<div class="m-2" role="option" aria-disabled="true"><span class="spinner-border spinner-border-sm" aria-hidden="true"></span><span class="visually-hidden">Searching…</span></div>'; },
            },
        });
        // Tom Select moves the label to its own box; the hidden select keeps its name too (screen readers, axe).
        var labelledBy = picker.control_input.getAttribute('aria-labelledby');
        if (labelledBy) {
            select.setAttribute('aria-labelledby', labelledBy);
        }
        // Tom Select refuses a paste while its box shows the chosen entry (Lighthouse's paste-preventing-inputs);
        // its handler only splits pasted lists, which these pickers never take, so the paste goes on to the search
        // box as typed text would.
        picker.wrapper.addEventListener('paste', function (event) { event.stopPropagation(); }, true);
        picker.control_input.addEventListener('keydown', function (event) {
            var typed = picker.control_input.value;
            if (event.key !== 'Enter' || typed.trim() === '') {
                return;
            }
            // Enter must not submit the form (or pick a loose match) before the exact code is known.
            event.preventDefault();
            event.stopImmediatePropagation();
            var local = exactMatch(Object.values(picker.options), typed);
            if (local) {
                choose(picker, local);
                return;
            }
            fetchOptions(kind, typed.trim()).then(function (options) {
                var found = exactMatch(options, typed);
                if (found) {
                    choose(picker, found);
                } else if (options.length > 0 && picker.activeOption) {
                    picker.setValue(picker.activeOption.getAttribute('data-value'));
                    picker.close();
                }
            });
        }, true);
    }

    if (typeof TomSelect === 'function') {
        document.querySelectorAll('select[data-picker]').forEach(enhance);
    }
})();

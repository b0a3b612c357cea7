// Draws the dashboard's charts with Chart.js from the JSON blocks the page renders (data-dashboard-chart names the
// canvas); clicking a bar or point opens the list behind it. Without script the tables beside the charts carry the
// same figures and links.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    const primary = getComputedStyle(document.documentElement).getPropertyValue('--bs-primary').trim() || '#0d6efd';

    function draw(block) {
        const canvas = document.getElementById(block.dataset.dashboardChart);
        if (!canvas) {
            return;
        }
        const data = JSON.parse(block.textContent);
        const horizontal = data.kind === 'horizontalBar';
        const chart = new Chart(canvas, {
            type: data.kind === 'line' ? 'line' : 'bar',
            data: {
                labels: data.labels,
                datasets: [{ label: data.series, data: data.values, backgroundColor: primary, borderColor: primary, pointRadius: 3 }],
            },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: false } },
                onHover: (event, elements) => {
                    const link = elements.length > 0 && data.links[elements[0].index];
                    event.native.target.style.cursor = link ? 'pointer' : 'default';
                },
                onClick: (event, elements) => {
                    const link = elements.length > 0 && data.links[elements[0].index];
                    if (link) {
                        window.location.assign(link);
                    }
                },
            },
        });
        canvas.dataset.chartReady = String(chart.data.labels.length);
    }

    document.querySelectorAll('script[type="application/json"][data-dashboard-chart]').forEach(draw);
})();

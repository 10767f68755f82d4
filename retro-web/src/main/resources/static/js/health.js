// Draws the health charts from the trend data the page embeds as JSON (#health-data).
(function () {
  'use strict';

  const COLOURS = {
    maintenance: '#d97706',
    techDebt: '#c2410c',
    bug: '#b42318',
    feature: '#7ea6ee',
    share: '#1f2933',
    band: '#137333',
    bandFill: 'rgba(19, 115, 51, 0.14)',
    sparkBand: 'rgba(19, 115, 51, 0.25)',
    open: '#94a3b8',
    votes: '#b42318',
    followThrough: '#2f6fde'
  };

  function percent(value) {
    return value === null || value === undefined ? '–' : Math.round(value) + '%';
  }

  function share(value) {
    return value === null || value === undefined ? null : Number(value) * 100;
  }

  // Shares of all work but process, the same denominator as the maintenance share.
  function mixShares(point) {
    const mix = point.workMix;
    if (!mix) {
      return null;
    }
    const total = Number(mix.feature) + Number(mix.maintenance) + Number(mix.techDebt) + Number(mix.bug);
    if (total <= 0) {
      return null;
    }
    return {
      feature: Number(mix.feature) * 100 / total,
      maintenance: Number(mix.maintenance) * 100 / total,
      techDebt: Number(mix.techDebt) * 100 / total,
      bug: Number(mix.bug) * 100 / total
    };
  }

  function unitName(unit) {
    return unit ? unit.toLowerCase().replace('_', ' ') : '';
  }

  function drawMix(canvas, team) {
    const points = team.points;
    const shares = points.map(mixShares);
    const bar = (label, key, colour) => ({
      type: 'bar', label: label, yAxisID: 'y', stack: 'mix', backgroundColor: colour,
      data: shares.map(s => (s ? s[key] : null))
    });
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: points.map(p => p.period),
        datasets: [
          {
            type: 'line', label: 'Maintenance share', yAxisID: 'yLine', data: points.map(p => share(p.maintenanceShare)),
            borderColor: COLOURS.share, backgroundColor: COLOURS.share, borderWidth: 2.5, pointRadius: 3, spanGaps: false
          },
          {
            type: 'line', label: 'Band from', yAxisID: 'yLine', data: points.map(p => (p.target ? share(p.target.min) : null)),
            borderColor: COLOURS.band, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, stepped: 'middle', fill: false
          },
          {
            type: 'line', label: 'Agreed band', yAxisID: 'yLine', data: points.map(p => (p.target ? share(p.target.max) : null)),
            borderColor: COLOURS.band, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, stepped: 'middle',
            backgroundColor: COLOURS.bandFill, fill: '-1'
          },
          bar('Maintenance', 'maintenance', COLOURS.maintenance),
          bar('Tech debt', 'techDebt', COLOURS.techDebt),
          bar('Bugs', 'bug', COLOURS.bug),
          bar('Features', 'feature', COLOURS.feature)
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true },
          y: { stacked: true, min: 0, max: 100, ticks: { callback: v => v + '%' }, title: { display: true, text: 'share of work (process left out)' } },
          yLine: { display: false, min: 0, max: 100 }
        },
        plugins: {
          legend: { labels: { filter: item => item.text !== 'Band from' } },
          tooltip: {
            filter: item => item.dataset.label !== 'Band from',
            callbacks: {
              label: item => {
                const point = points[item.dataIndex];
                if (item.dataset.label === 'Agreed band') {
                  return point.target ? 'Agreed band: ' + percent(share(point.target.min)) + '–' + percent(share(point.target.max)) : 'No band agreed';
                }
                return item.dataset.label + ': ' + percent(item.raw);
              },
              footer: items => {
                const point = points[items[0].dataIndex];
                const lines = [];
                if (point.workMix) {
                  const mix = point.workMix;
                  lines.push('In ' + unitName(mix.unit) + ': feature ' + mix.feature + ', maintenance ' + mix.maintenance
                    + ', tech debt ' + mix.techDebt + ', bugs ' + mix.bug);
                  lines.push('Process ' + mix.process + ' (left out of the shares)');
                } else {
                  lines.push('No work mix recorded');
                }
                if (point.status) {
                  lines.push('Status: ' + point.status.replace('_', ' '));
                }
                return lines;
              }
            }
          }
        }
      }
    });
  }

  function drawPressure(canvas, team) {
    const points = team.points;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: points.map(p => p.period),
        datasets: [
          {
            type: 'line', label: 'Action items done', yAxisID: 'yShare', data: points.map(p => share(p.followThrough)),
            borderColor: COLOURS.followThrough, backgroundColor: COLOURS.followThrough, borderWidth: 2, pointRadius: 3
          },
          {
            type: 'line', label: 'Votes on open tech debt', yAxisID: 'y', data: points.map(p => p.techDebtVotes),
            borderColor: COLOURS.votes, backgroundColor: COLOURS.votes, borderWidth: 2, pointRadius: 3
          },
          {
            type: 'bar', label: 'Open tech-debt items', yAxisID: 'y', data: points.map(p => p.openTechDebt),
            backgroundColor: COLOURS.open
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: { beginAtZero: true, position: 'left', title: { display: true, text: 'items and votes' }, ticks: { precision: 0 } },
          yShare: { min: 0, max: 100, position: 'right', grid: { drawOnChartArea: false }, ticks: { callback: v => v + '%' },
            title: { display: true, text: 'action items done' } }
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: item => {
                const point = points[item.dataIndex];
                if (item.dataset.yAxisID === 'yShare') {
                  return point.actionItemsCreated
                    ? 'Action items done: ' + percent(item.raw) + ' (' + point.actionItemsDone + ' of ' + point.actionItemsCreated + ')'
                    : 'No action items';
                }
                return item.dataset.label + ': ' + (item.raw === null ? '–' : item.raw);
              },
              footer: items => {
                const point = points[items[0].dataIndex];
                const opened = point.techDebtOpened === null ? 0 : point.techDebtOpened;
                const resolved = point.techDebtResolved === null ? 0 : point.techDebtResolved;
                return 'Tech debt opened ' + opened + ', resolved ' + resolved;
              }
            }
          }
        }
      }
    });
  }

  // A small line of the maintenance share with the band as a faint area, no axes.
  function drawSpark(canvas, team) {
    const points = team.points;
    // Scaled to the team's own figures: on a 0–100% scale a year of small moves would look flat.
    const values = points.flatMap(p => [share(p.maintenanceShare), p.target ? share(p.target.min) : null, p.target ? share(p.target.max) : null])
      .filter(v => v !== null);
    const low = values.length ? Math.max(0, Math.floor(Math.min(...values)) - 5) : 0;
    const high = values.length ? Math.min(100, Math.ceil(Math.max(...values)) + 5) : 100;
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(p => p.period),
        datasets: [
          {
            label: 'Maintenance share', data: points.map(p => share(p.maintenanceShare)),
            borderColor: COLOURS.share, borderWidth: 1.5, pointRadius: 0, spanGaps: true, fill: false
          },
          {
            label: 'Band from', data: points.map(p => (p.target ? share(p.target.min) : null)),
            borderWidth: 0, pointRadius: 0, fill: false
          },
          {
            label: 'Band to', data: points.map(p => (p.target ? share(p.target.max) : null)),
            borderWidth: 0, pointRadius: 0, backgroundColor: COLOURS.sparkBand, fill: '-1'
          }
        ]
      },
      options: {
        responsive: false,
        animation: false,
        events: ['mousemove', 'mouseout'],
        interaction: { mode: 'index', intersect: false },
        scales: { x: { display: false }, y: { display: false, min: low, max: high } },
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: item => item.datasetIndex === 0,
            callbacks: {
              label: item => {
                const point = points[item.dataIndex];
                const band = point.target ? ' (band ' + percent(share(point.target.min)) + '–' + percent(share(point.target.max)) + ')' : '';
                return 'Maintenance ' + percent(item.raw) + band;
              }
            }
          }
        }
      }
    });
  }

  function start() {
    const source = document.getElementById('health-data');
    if (!source || typeof Chart === 'undefined') {
      return;
    }
    const data = JSON.parse(source.textContent);
    const mix = document.getElementById('mix-chart');
    if (mix) {
      drawMix(mix, data);
    }
    const pressure = document.getElementById('pressure-chart');
    if (pressure) {
      drawPressure(pressure, data);
    }
    const teams = Array.isArray(data) ? data : [];
    document.querySelectorAll('canvas.health-spark').forEach(canvas => {
      const team = teams.find(t => t.teamId === canvas.dataset.teamId);
      if (team) {
        drawSpark(canvas, team);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

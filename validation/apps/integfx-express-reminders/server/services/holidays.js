const axios = require('axios');

const holidays = axios.create({ baseURL: 'https://date.nager.at/api/v3', timeout: 4000 });

async function publicHolidays(year, country) {
  // ok: G3.D2
  const r = await holidays.get(`/PublicHolidays/${year}/${country}`);
  return r.data;
}

async function nextHolidays(country) {
  // expect: G3.D2
  const r = await fetch(`https://date.nager.at/api/v3/NextPublicHolidays/${country}`);
  return r.json();
}

module.exports = { publicHolidays, nextHolidays };

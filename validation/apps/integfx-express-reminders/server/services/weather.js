const axios = require('axios');

const WEATHER_BASE = 'https://api.openweathermap.org/data/2.5';

async function outdoorForecast(city) {
  // expect: G3.D2
  const r = await axios.get(`${WEATHER_BASE}/weather`, { params: { q: city, appid: process.env.WEATHER_API_KEY } });
  return r.data;
}

async function airQuality(lat, lon) {
  // ok: G3.D2
  const r = await axios.get(`${WEATHER_BASE}/air_pollution`, { params: { lat, lon, appid: process.env.WEATHER_API_KEY }, timeout: 5000 });
  return r.data;
}

module.exports = { outdoorForecast, airQuality };

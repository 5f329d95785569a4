'use strict';
/** Helpers shared by the Sailthru sandbox modules. */
const crypto = require('node:crypto');

/** Sailthru's error envelope. */
const fail = (status, error, errormsg) => ({ status, body: { error, errormsg } });
const ok = (body) => ({ status: 200, body });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const blank = (value) => value === undefined || value === null || String(value).trim() === '';

/** The creation date of the seeded lists and content. */
const CREATED = 'Mon, 02 Mar 2026 09:16:15 -0500';

/** RFC 2822 as Sailthru writes its dates, in UTC. */
const rfc2822 = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');

const UNITS = { second: 1e3, minute: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8 };

/**
 * A Sailthru time input (strtotime-like): "now", "+3 hours", "-1 day", or any date string with
 * a zone that Date.parse reads. Returns epoch ms, or undefined when it cannot be parsed (error 18).
 */
function parseTime(value, now = Date.now()) {
	const text = String(value).trim();
	if (text.toLowerCase() === 'now') return now;
	const relative = /^([+-]?\d+)\s*(second|minute|hour|day|week)s?$/i.exec(text);
	if (relative) return now + Number(relative[1]) * UNITS[relative[2].toLowerCase()];
	const parsed = Date.parse(text.replace(/ UTC$/i, 'Z').replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2'));
	if (!Number.isNaN(parsed)) return parsed;
	const plain = Date.parse(text);
	return Number.isNaN(plain) ? undefined : plain;
}

/** A 24-hex-digit ID like Sailthru's (Mongo ObjectId style), from a counter. */
const hexId = (prefix, n) => `${prefix}${String(n).padStart(24 - prefix.length, '0')}`;

const md5 = (text) => crypto.createHash('md5').update(text).digest('hex');

/** Required call parameters: the first missing one as error 2. */
function missing(call, names) {
	const name = names.find((candidate) => blank(call[candidate]));
	return name ? fail(400, 2, `Missing required parameter: ${name}`) : undefined;
}

module.exports = { fail, ok, EMAIL, isObject, blank, CREATED, rfc2822, parseTime, hexId, md5, missing };

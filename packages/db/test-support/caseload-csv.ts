/**
 * A council's caseload as a CSV file in our import template's columns, with the past events
 * an SEN2 return carries (plan start, last review): for the import benchmark and the browser
 * test. Deterministic; the lines given in `badLines` each carry one mistake (an impossible
 * date, a future review, a missing first name, in turn).
 */
export function caseloadCsv(rows: number, badLines: readonly number[] = []): string {
  const lines = [
    'local_id,nhs_number,given_name,family_name,date_of_birth,ehc_plan_issued_on,last_review,has_carer,learning_disability,sex',
  ];
  for (let i = 1; i <= rows; i++) {
    const cells = [
      `CS-${i}`,
      nhsNumber(100_000_000 + i * 7),
      `Given${i}`,
      `Family${i % 500}`,
      `${2002 + (i % 12)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      `${2014 + (i % 10)}-09-01`,
      `2026-0${(i % 9) + 1}-15`,
      i % 3 === 0 ? 'yes' : 'no',
      i % 5 === 0 ? 'yes' : 'no',
      i % 2 === 0 ? 'F' : 'M',
    ];
    // Line numbers count the header as line 1.
    const mistake = badLines.indexOf(i + 1);
    if (mistake >= 0) {
      if (mistake % 3 === 0) cells[4] = '31/02/2010';
      else if (mistake % 3 === 1) cells[6] = '2099-01-01';
      else cells[2] = '';
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A valid NHS number near `seed` (the first whose modulus-11 check digit is not 10). */
export function nhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = String(n).padStart(9, '0');
    const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check !== 10) return digits + String(check === 11 ? 0 : check);
  }
}

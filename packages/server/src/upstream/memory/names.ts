/** Name parts for generated sample members: varied origins, so demos look like real communities. */
export const FIRST_NAMES = [
  'Amara', 'Ben', 'Chen', 'Dalia', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas',
  'Kavya', 'Liam', 'Maya', 'Nikolai', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Samir', 'Tamar',
  'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zara', 'Aiko', 'Bruno', 'Carmen', 'Diego',
  'Esther', 'Felix', 'Hana', 'Ivan', 'Leila', 'Mateo', 'Noor', 'Omar', 'Sofia', 'Tomas',
] as const;

export const LAST_NAMES = [
  'Abe', 'Okafor', 'Nguyen', 'Haddad', 'Yilmaz', 'Rahimi', 'Kowalski', 'Tanaka', 'Moreau', 'Berg',
  'Iyer', 'Murphy', 'Cohen', 'Petrov', 'Adeyemi', 'Sharma', 'Walsh', 'Romero', 'Karimi', 'Levi',
  'Das', 'Novak', 'Li', 'Garcia', 'Demir', 'Mensah', 'Sato', 'Costa', 'Alvarez', 'Fischer',
  'Lindqvist', 'Kim', 'Popescu', 'Mbeki', 'Rossi', 'Singh', 'Silva', 'Hansen', 'Dubois', 'Park',
] as const;

/** Avatar backgrounds; dark enough for white initials to pass contrast. */
export const AVATAR_COLOURS = [
  '#1d4ed8', '#7c3aed', '#be185d', '#b91c1c', '#c2410c', '#047857', '#0f766e', '#4338ca', '#6d28d9', '#374151',
] as const;

// SPDX-License-Identifier: GPL-3.0-or-later
// placeholder, replaced below
int main() { return 0; }

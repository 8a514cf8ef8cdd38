process.stderr.write('incident-lens: commands arrive with the format core\n');
process.exitCode = 2;
